using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using MapBench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBench;

/// <summary>
/// Sustained Open311 POSTs over real HTTP against the real app (Kestrel on 127.0.0.1, its own SQLite file, 2,000 demo
/// reports, quiet logs): closed-loop clients without photos, then with one ~1 MB photo each. Prints a table beside the
/// baseline (the best earlier run, docs/performance.md) and checks that every 201 is one distinct report in the
/// database. Observability follows the environment like the app (e.g. Telemetry__Prometheus__Enabled=true).
/// </summary>
public static class IntakeBenchMain
{
    // Best earlier run (2026-11-30, with the full-text index; docs/performance.md "Intake"): reports/s, p50, p99.
    private static readonly (double PerSecond, double P50, double P99) PlainBaseline = (913, 30.5, 103.6);
    private static readonly (double PerSecond, double P50, double P99) PhotoBaseline = (11, 708, 1272);

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var seconds = double.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg("--clients") ?? "32", CultureInfo.InvariantCulture);
        var photoClients = int.Parse(Arg("--photo-clients") ?? "8", CultureInfo.InvariantCulture);
        if (args.Except(["--seconds", "--clients", "--photo-clients", "--out", Arg("--seconds"), Arg("--clients"), Arg("--photo-clients"), Arg("--out")]).Any()
            || seconds is < 2 or > 3600 || clients is < 1 or > 512 || photoClients is < 0 or > 64)
        {
            Console.Error.WriteLine("bash bench/intake-bench.sh [--seconds 20] [--clients 32] [--photo-clients 8 (0: no photo run)] [--out FILE]");
            return 2;
        }

        using var app = new QuietApp();
        var admin = await app.UserAsync("admin@haugiang.demo");
        var key = (await app.Services.GetRequiredService<ApiClientService>().CreateAsync(admin, "Benchmark", "bench@example.vn", ApiClientService.MaxRequestsPerMinute))?.Key
            ?? throw new InvalidOperationException("Could not create an Open311 client.");
        var telemetry = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("Telemetry__", StringComparison.Ordinal)).Order().ToList();
        var lines = new List<string>
        {
            $"## Intake benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
            "",
            $"- {Environment.ProcessorCount} CPUs; {seconds:0} s per run; load average before: {LoadAverage()}",
            $"- Observability: {(telemetry.Count == 0 ? "off (no Telemetry__* setting)" : string.Join(", ", telemetry.Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}")))}",
        };

        var plain = await RunAsync(app, key, TimeSpan.FromSeconds(seconds), clients, _ => null);
        var photo = photoClients == 0 ? null : await RunAsync(app, key, TimeSpan.FromSeconds(seconds), photoClients, _ => TestImages.StreetPhoto());
        lines.Add($"- load average after: {LoadAverage()}");
        lines.Add("");
        lines.Add("| run | reports/s (baseline) | p50 ms (baseline) | p99 ms (baseline) | errors | in the database = accepted, distinct |");
        lines.Add("|---|---:|---:|---:|---:|---|");
        lines.Add(Row($"without photos, {clients} clients", plain, PlainBaseline));
        if (photo is not null)
        {
            lines.Add(Row($"one ~1 MB photo each, {photoClients} clients", photo, PhotoBaseline));
        }

        var text = string.Join('\n', lines);
        Console.WriteLine(text);
        if (Arg("--out") is { } path)
        {
            await File.WriteAllTextAsync(path, text + "\n");
        }

        return plain.Errors == 0 && plain.Consistent && photo is not { Errors: > 0 } && photo is not { Consistent: false } ? 0 : 1;
    }

    private static string Row(string name, Result r, (double PerSecond, double P50, double P99) baseline) =>
        $"| {name} | {r.PerSecond:0} ({baseline.PerSecond:0}) | {Stats.Ms(r.P50)} ({Stats.Ms(baseline.P50)}) | {Stats.Ms(r.P99)} ({Stats.Ms(baseline.P99)}) | {r.Errors} | {r.Stored} = {r.Accepted}, {(r.Consistent ? "yes" : "NO")} |";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

    private sealed record Result(double PerSecond, double P50, double P99, int Errors, int Accepted, int Stored, bool Consistent);

    private static async Task<Result> RunAsync(QuietApp app, string key, TimeSpan duration, int concurrency, Func<int, byte[]?> photoFor)
    {
        var tag = "BENCH-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(app.BaseUrl) };

        // Warm up (JIT, pools, caches) outside the measurement.
        for (var i = 0; i < 20; i++)
        {
            using var warm = await http.PostAsync("/open311/v2/requests.json", Content(key, "warm-up " + tag, photoFor(i)));
        }

        var latencies = new ConcurrentBag<double>();
        var codes = new ConcurrentBag<string>();
        var errors = 0;
        var sequence = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref sequence);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/open311/v2/requests.json", Content(key, $"{tag} #{n}: rác thải ùn ứ ở đầu hẻm", photoFor(n)));
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        codes.Add(JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;

        await using var db = app.CreateDbContext();
        var stored = await db.Reports.CountAsync(r => r.Description.StartsWith(tag + " #"));
        var all = latencies.ToList();
        return new Result(codes.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), errors, codes.Count, stored,
            stored == codes.Count && codes.Distinct().Count() == codes.Count);
    }

    private static HttpContent Content(string key, string description, byte[]? photo)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["service_code"] = "rac-thai",
            ["lat"] = "9.783",
            ["long"] = "105.467",
            ["description"] = description,
            ["email"] = "nguoidan@example.vn",
        };
        if (photo is null)
        {
            return new FormUrlEncodedContent(fields);
        }

        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "media", "photo.jpg");
        return form;
    }
}

/// <summary>The app as deployed with SQLite, quiet logs (a log line per request would measure the console), the real clock.</summary>
public sealed class QuietApp() : PortalApp(reports: 2000, new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft"] = "Warning",
})
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The base registers the tests' fixed clock; a benchmark runs on the real one (this registration wins).
        builder.ConfigureTestServices(s => s.AddSingleton(TimeProvider.System));
    }
}
