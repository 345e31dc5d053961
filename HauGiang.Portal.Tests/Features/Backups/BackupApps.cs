using System.Diagnostics;
using HauGiang.Portal.Features.Backups;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Backups;

/// <summary>The real app with backups written under its own temp folder; no scheduled backups (<see cref="ScheduledBackupApp"/>).</summary>
public class BackupApp : PortalApp
{
    public BackupApp()
        : this(scheduled: false)
    {
    }

    protected BackupApp(bool scheduled)
        : base(50, new Dictionary<string, string?>
        {
            ["Intake:AnonymousRequestsPerMinute"] = "100000",
            ["Backup:Enabled"] = scheduled ? "true" : "false",

            // The scheduler looks at the (test) clock this often, so a moved clock is noticed at once.
            ["Backup:CheckSeconds"] = "0.05",
        })
    {
    }

    public BackupService Backups => Services.GetRequiredService<BackupService>();
}

/// <summary>With the daily backup on.</summary>
public sealed class ScheduledBackupApp() : BackupApp(scheduled: true);

/// <summary>A fresh instance on a restored database file and photo folder (nothing seeded: the file has reports).</summary>
public sealed class RestoredApp(string databasePath, string photosPath) : PortalApp(0, new Dictionary<string, string?> { ["Photos:Root"] = photosPath }, databasePath);

public static class RestoreProcess
{
    /// <summary>
    /// Runs the documented command, <c>dotnet HauGiang.Portal.dll restore --from &lt;set&gt;</c>, as its own process,
    /// with the target database and photo folder given on the command line as an operator would.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string set, string database, string photos, bool overwrite = false)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "restore", "--from", set, "--ConnectionStrings:Portal=Data Source=" + database, "--Photos:Root=" + photos })
        {
            start.ArgumentList.Add(arg);
        }

        if (overwrite)
        {
            start.ArgumentList.Add("--overwrite");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // A guard against a hung process, not a speed limit: a restore of this size takes about a second.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await output + await error);
    }
}
