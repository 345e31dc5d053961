using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HauGiang.Portal.Features.Backups;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HauGiang.Portal.Tests.Features.Backups;

/// <summary>The app as deployed with SQLite and a larger database (HG_BENCH_REPORTS, default 30,000), quiet logs.</summary>
public sealed class BackupBenchmarkApp() : PortalApp(
    int.Parse(Environment.GetEnvironmentVariable("HG_BENCH_REPORTS") ?? "30000", System.Globalization.CultureInfo.InvariantCulture),
    new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
    });

/// <summary>
/// What a backup costs the intake while it runs (docs/performance.md, Backups): Open311 POSTs from 16 clients for
/// the same time without a backup, then with backups taken back to back; p50/p99 of each, and each backup's time.
/// Runs only with HG_BENCH=1.
/// </summary>
[Trait(Tier.Key, Tier.Bench)]
public class BackupBenchmark(BackupBenchmarkApp app, ITestOutputHelper output) : IClassFixture<BackupBenchmarkApp>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);

    [BenchmarkFact]
    public async Task Intake_latency_without_and_during_backups()
    {
        var (_, key) = await app.CreateApiClientAsync(requestsPerMinute: 100_000, name: "Benchmark");
        var backups = app.Services.GetRequiredService<BackupService>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(app.BaseUrl) };
        for (var i = 0; i < 50; i++)
        {
            using var warm = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        }

        var idle = await PostForAsync(http, key, () => Task.CompletedTask);
        var taken = new List<(double Seconds, long Bytes)>();
        var during = await PostForAsync(http, key, async () =>
        {
            var clock = Stopwatch.StartNew();
            var attempt = await backups.RunAsync(BackupTrigger.Manual, CancellationToken.None);
            Assert.True(attempt.Succeeded, attempt.Error);
            var manifest = (await backups.ListAsync(CancellationToken.None))[0];
            taken.Add((clock.Elapsed.TotalSeconds, manifest.Database.Bytes));
        });

        output.WriteLine($"{Environment.ProcessorCount} CPUs; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"without backup: {idle}");
        output.WriteLine($"during backups: {during}");
        output.WriteLine($"backups: {taken.Count}, database {taken[0].Bytes / 1048576.0:0.0} MiB, {string.Join(", ", taken.Select(t => t.Seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s"))}");
        Assert.NotEmpty(taken);
    }

    /// <summary>16 clients post for the window while <paramref name="alongside"/> runs again and again.</summary>
    private static async Task<string> PostForAsync(HttpClient http, string key, Func<Task> alongside)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var side = Task.Run(async () =>
        {
            while (clock.Elapsed < Window)
            {
                await alongside();
                await Task.Yield();
            }
        });
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < Window)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        await side;
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"{sorted.Length} posts in {clock.Elapsed.TotalSeconds:0.0} s = {sorted.Length / clock.Elapsed.TotalSeconds:0}/s, p50 {Percentile(0.5):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {sorted[^1]:0} ms, errors {errors}";
    }
}
