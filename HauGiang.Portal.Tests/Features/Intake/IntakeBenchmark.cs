using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>Runs only when HG_BENCH=1 (it takes about a minute and loads the machine): see docs/performance.md.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HG_BENCH") != "1")
        {
            Skip = "Benchmark: run with HG_BENCH=1 (docs/performance.md).";
        }
    }
}

/// <summary>The app as deployed with SQLite, quiet logs (a log line per request would measure the console).</summary>
public sealed class BenchmarkApp() : PortalApp(reports: 2000, new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft"] = "Warning",
});

/// <summary>
/// Sustained Open311 POSTs over real HTTP against SQLite: without photos and with one 1 MB photo each. Prints
/// throughput, p50/p99 latency and errors, and checks that every accepted report is in the database.
/// </summary>
[Trait(Tier.Key, Tier.Bench)]
public class IntakeBenchmark(BenchmarkApp app, ITestOutputHelper output) : IClassFixture<BenchmarkApp>
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("HG_BENCH_SECONDS") ?? "20", System.Globalization.CultureInfo.InvariantCulture));

    [BenchmarkFact]
    public async Task Sustained_posts_without_and_with_a_photo()
    {
        var (_, key) = await app.CreateApiClientAsync(requestsPerMinute: 100_000, name: "Benchmark");
        var photo = OneMegabyteJpeg();
        output.WriteLine($"photo: {photo.Length / 1024} KiB; {Environment.ProcessorCount} CPUs; {Duration.TotalSeconds:0} s per run; load average before: {LoadAverage()}");

        var plain = await RunAsync("without photos", key, concurrency: 32, _ => null);
        var withPhoto = await RunAsync("with one 1 MB photo", key, concurrency: 8, _ => photo);

        output.WriteLine($"load average after: {LoadAverage()}");
        Assert.Equal(0, plain.Errors);
        Assert.Equal(0, withPhoto.Errors);
        Assert.True(plain.PerSecond >= 300, $"{plain.PerSecond:0} reports/s without photos");
        Assert.True(plain.P99 < 200, $"p99 {plain.P99:0} ms without photos");
        Assert.True(withPhoto.PerSecond >= 30, $"{withPhoto.PerSecond:0} reports/s with photos");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

    private sealed record Result(double PerSecond, double P50, double P99, int Errors);

    private async Task<Result> RunAsync(string name, string key, int concurrency, Func<int, byte[]?> photoFor)
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
            while (clock.Elapsed < Duration)
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

        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        await using var db = app.CreateDbContext();
        var stored = await db.Reports.CountAsync(r => r.Description.StartsWith(tag + " #"));
        var result = new Result(codes.Count / elapsed, Percentile(0.50), Percentile(0.99), errors);
        output.WriteLine($"{name}: {codes.Count} accepted in {elapsed:0.0} s = {result.PerSecond:0} reports/s; p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms; errors {errors}; in the database {stored}; distinct codes {codes.Distinct().Count()} (concurrency {concurrency})");
        Assert.Equal(codes.Count, stored);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        return result;
    }

    private static HttpContent Content(string key, string description, byte[]? photo)
    {
        var fields = IntakeTestExtensions.RequestFields(key, description: description);
        fields["email"] = "nguoidan@example.vn";
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

    /// <summary>A photo-like JPEG of 2000 × 1500 and about 1 MB, as a phone app sends after its own resizing.</summary>
    private static byte[] OneMegabyteJpeg()
    {
        return TestImages.StreetPhoto();
    }
}
