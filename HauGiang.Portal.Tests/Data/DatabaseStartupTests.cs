using System.Diagnostics;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Data;

/// <summary>
/// The real program, started as an operator would start it (Production, its own process): a database it cannot use
/// stops it at once with one line that names the path and the setting, and a non-zero exit code — no stack trace,
/// and no new empty database in place of an unmounted volume (issue 13).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class DatabaseStartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hg-tests", "startup-" + Guid.NewGuid().ToString("N"));

    public DatabaseStartupTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task A_missing_database_folder_is_not_created_outside_development()
    {
        var folder = Path.Combine(_directory, "volume-not-mounted");
        var (exitCode, output) = await RunAsync($"Data Source={Path.Combine(folder, "haugiang.db")}");

        Assert.Equal(1, exitCode);
        Assert.False(Directory.Exists(folder), "the folder was created");
        var line = Assert.Single(output.Split('\n'), l => l.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(folder, line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_read_only_database_stops_the_start_with_one_clear_line()
    {
        // Tests run as root, for whom file permissions do not make a file read-only; SQLite's read-only mode gives
        // the same error (SQLITE_READONLY) that a read-only file or volume gives.
        var file = Path.Combine(_directory, "haugiang.db");
        await File.WriteAllBytesAsync(file, []);
        var (exitCode, output) = await RunAsync($"Data Source={file};Mode=ReadOnly");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("cannot be used", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("readonly", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Runs the built portal (HauGiang.Portal.dll) in Production with this connection string; its exit code and output.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string connectionString)
    {
        var app = AppAssembly();
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Photos__Root"] = Path.Combine(_directory, "photos");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The portal as built next to these tests: HauGiang.Portal/bin/&lt;configuration&gt;/&lt;framework&gt;/HauGiang.Portal.dll.</summary>
    private static string AppAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        return Path.Combine(Repository.Root, "HauGiang.Portal", "bin", configuration, framework, "HauGiang.Portal.dll");
    }
}
