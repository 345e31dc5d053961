using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// The contract is good enough to generate from: the test downloads /openapi/open311.json from the running app,
/// generates TypeScript types with openapi-typescript (a standard generator, from npm), type-checks a small citizen
/// app written against them with tsc (a path, parameter or field not in the document fails here), and runs it with
/// node through openapi-fetch against the real Kestrel app: it posts a report and reads it back.
/// <para>
/// The npm packages (pinned in GeneratedClient/package.json) are installed once per machine into a folder of the
/// temp directory named after that file's hash; everything generated goes to a fresh folder inside it. Needs node
/// and npm (scripts/test.sh installs npm from Debian when it is missing) and the npm registry.
/// </para>
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311GeneratedClientTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    [Fact]
    public async Task A_client_generated_from_the_openapi_document_posts_a_report_and_reads_it_back()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Features", "Intake", "GeneratedClient");
        var packages = await InstallAsync(source);
        var run = Directory.CreateDirectory(Path.Combine(packages, "run-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            foreach (var file in new[] { "client.mts", "tsconfig.json" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(run, file));
            }

            using (var http = app.Http())
            {
                await File.WriteAllTextAsync(Path.Combine(run, "open311.json"), await http.GetStringAsync("/openapi/open311.json"));
            }

            await RunAsync("node", [Path.Combine(packages, "node_modules", "openapi-typescript", "bin", "cli.js"), "open311.json", "-o", "open311.d.ts"], run);
            Assert.Contains("\"/open311/v2/requests.{format}\"", await File.ReadAllTextAsync(Path.Combine(run, "open311.d.ts")), StringComparison.Ordinal);
            await RunAsync("node", [Path.Combine(packages, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], run);

            var (_, key) = await app.CreateApiClientAsync();
            var output = await RunAsync("node", ["client.mjs", app.BaseUrl.TrimEnd('/'), key], run);
            var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

            Assert.Equal(201, seen.GetProperty("createdStatus").GetInt32());
            var code = seen.GetProperty("code").GetString()!;
            Assert.Matches(@"^HG-\d{4}-\d{6}$", code);
            Assert.StartsWith("Đã tiếp nhận", seen.GetProperty("notice").GetString(), StringComparison.Ordinal);
            Assert.Equal(200, seen.GetProperty("readStatus").GetInt32());
            Assert.Equal(code, seen.GetProperty("readCode").GetString());
            Assert.Equal(seen.GetProperty("expectedDescription").GetString(), seen.GetProperty("readDescription").GetString());
            Assert.Equal("open", seen.GetProperty("readStatusText").GetString());
            Assert.Equal([code], seen.GetProperty("listedCodes").EnumerateArray().Select(c => c.GetString()));
            Assert.False(string.IsNullOrEmpty(seen.GetProperty("serviceCode").GetString()));

            // An error reaches the generated client as the document's error type: [{code, description}].
            Assert.Equal(400, seen.GetProperty("refusedStatus").GetInt32());
            Assert.Equal(400, seen.GetProperty("refusedError")[0].GetProperty("code").GetInt32());

            await using var db = app.CreateDbContext();
            Assert.Equal(seen.GetProperty("expectedDescription").GetString(), await db.Reports.Where(r => r.Code == code).Select(r => r.Description).SingleAsync());
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The folder with node_modules for this package.json, installed on first use.</summary>
    private static async Task<string> InstallAsync(string source)
    {
        var manifest = await File.ReadAllBytesAsync(Path.Combine(source, "package.json"));
        var folder = Path.Combine(Path.GetTempPath(), "hg-open311-client-" + Convert.ToHexStringLower(SHA256.HashData(manifest))[..12]);
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "installed")))
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, "package.json"), manifest);
                await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], folder);
                await File.WriteAllTextAsync(Path.Combine(folder, "installed"), "");
            }
        }
        finally
        {
            Installing.Release();
        }

        return folder;
    }

    /// <summary>Runs a tool to its end; fails the test with its output if it does not exit 0.</summary>
    private static async Task<string> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start (node and npm must be installed)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // A guard against a hang (an unreachable registry), not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(guard.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{await stderr}");
        return output;
    }
}
