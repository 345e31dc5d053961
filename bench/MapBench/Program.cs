using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Map;
using HauGiang.Portal.Features.Shared.Actions;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HauGiang.Portal.Features.Shared;

namespace MapBench;

/// <summary>
/// Issue 4's benchmark. Seeds N reports (50,000 by default), then prints markdown tables:
/// 1. GET /api/map/reports: time and size;
/// 2. /map in headless Chromium until the map is idle with every point clustered, against a plain HTML page that
///    draws the same GeoJSON with Leaflet.markercluster directly (no Blazor), and the ratio;
/// 3. the time from a committed change to the DOM update in other browsers, on one instance and on two instances
///    sharing the database through a real redis-server.
/// </summary>
public static class BenchMain
{
    private const string Coordinator = "dieuphoi@haugiang.demo";
    private const string Actor = "canbo.vithanh@haugiang.demo";
    private const string Watcher = "canbo2.vithanh@haugiang.demo";

    private static readonly StringBuilder Output = new();

    private sealed record Options(int Points, int ApiRuns, int MapRuns, int Changes, bool Map, bool Live, string? Out, int DemoReports, bool Profile, string? Tune, bool Micro);

    public static async Task<int> Main(string[] args)
    {
        var o = Parse(args);
        var work = Path.Combine(Path.GetTempPath(), "hg-mapbench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var code = 0;
        try
        {
            await RunAsync(o, work);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(ex);
            code = 1;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (o.Out is { } path)
        {
            await File.WriteAllTextAsync(path, Output.ToString());
            Console.WriteLine($"(written to {path})");
        }

        return code;
    }

    private static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var only = Get("--only");
        return new Options(
            Points: Int("--points", 50_000),
            ApiRuns: Int("--api-runs", 20),
            MapRuns: Int("--map-runs", 10),
            Changes: Int("--changes", 100),
            Map: only is null or "map",
            Live: only is null or "live",
            Out: Get("--out"),
            DemoReports: Int("--demo-reports", 100),
            Profile: args.Contains("--profile"),
            Tune: Get("--tune"),
            Micro: args.Contains("--micro"));
    }

    private static void Print(string line = "")
    {
        Console.WriteLine(line);
        Output.AppendLine(line);
    }

    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>
    /// Where the endpoint's time goes, in-process: the whole writer to a null stream; the EF query alone with the deadline
    /// read back (as the endpoint did) and with overdue computed in SQL (as it does now); a raw SqliteDataReader for the floor.
    /// </summary>
    private static async Task EndpointMicroAsync(BenchApp app)
    {
        var geoJson = app.Services.GetRequiredService<MapGeoJson>();
        var user = await app.UserAsync(Coordinator);
        var filter = new ReportFilter { Tab = QueueTab.All };
        var writer = new List<double>();
        var efDueAt = new List<double>();
        var efOverdue = new List<double>();
        var raw = new List<double>();

        static async Task<double> TimeAsync(Func<Task> work)
        {
            var t = System.Diagnostics.Stopwatch.GetTimestamp();
            await work();
            return System.Diagnostics.Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        for (var i = -2; i < 15; i++)
        {
            var w = await TimeAsync(() => geoJson.WriteAsync(user, filter, null, Stream.Null));
            var e1 = await TimeAsync(async () =>
            {
                await using var db = app.CreateDbContext();
                await foreach (var _ in db.Reports.AsNoTracking().Select(r => new { r.Id, r.Latitude, r.Longitude, r.State, r.DueAt }).AsAsyncEnumerable())
                {
                }
            });
            var e2 = await TimeAsync(async () =>
            {
                await using var db = app.CreateDbContext();
                var now = DateTime.UtcNow;
                await foreach (var _ in db.Reports.AsNoTracking().Select(r => new { r.Id, r.Latitude, r.Longitude, r.State, Overdue = (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now }).AsAsyncEnumerable())
                {
                }
            });
            var rawMs = await TimeAsync(async () =>
            {
                await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}");
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT Id, Latitude, Longitude, State, State IN (0, 1) AND DueAt < $now FROM Reports";
                cmd.Parameters.AddWithValue("$now", DateTime.UtcNow);
                await using var rd = await cmd.ExecuteReaderAsync();
                double sum = 0;
                while (await rd.ReadAsync())
                {
                    sum += rd.GetInt64(0) + rd.GetDouble(1) + rd.GetDouble(2) + rd.GetInt32(3) + rd.GetInt32(4);
                }
            });
            if (i >= 0)
            {
                writer.Add(w);
                efDueAt.Add(e1);
                efOverdue.Add(e2);
                raw.Add(rawMs);
            }
        }

        Print("### GeoJSON endpoint, in-process pieces");
        Print();
        Print($"Load: `{Machine.LoadAverage()}`");
        Print();
        Print(Stats.Header);
        Print(Stats.Row("MapGeoJson.WriteAsync → Stream.Null", writer));
        Print(Stats.Row("EF query alone, deadline read back (as before)", efDueAt));
        Print(Stats.Row("EF query alone, overdue computed in SQL (now)", efOverdue));
        Print(Stats.Row("raw SqliteDataReader (the floor)", raw));
        Print();
    }

    private static async Task RunAsync(Options o, string work)
    {
        Print($"## Map benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Print();
        Print($"Machine: {Machine.Describe()}");
        Print($"At start: `{Machine.Uptime()}`");
        Print();

        // The plain page's folder: the page, the app's own wwwroot/lib (Leaflet and markercluster from npm), later the GeoJSON.
        var plainRoot = Path.Combine(work, "plain");
        Directory.CreateDirectory(plainRoot);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "plain", "index.html"), Path.Combine(plainRoot, "index.html"));
        CopyDirectory(FindLibFolder(), Path.Combine(plainRoot, "lib"));
        await using var statics = await StaticServer.StartAsync(plainRoot);

        var settings = new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = statics.TileUrl,
            ["Map:Attribution"] = "",
        };

        using var app = new BenchApp(o.DemoReports, settings);
        var seedStarted = System.Diagnostics.Stopwatch.StartNew();
        _ = app.BaseUrl; // creates the database: schema, reference data, demo accounts and a few demo reports
        var created = seedStarted.Elapsed;
        var seed = await BulkSeed.FillAsync(app.DatabasePath, o.Points);
        Print($"Seed: app start with {o.DemoReports} demo reports {created.TotalSeconds:0.0} s, then {seed.Inserted:N0} reports bulk-inserted in {seed.Took.TotalSeconds:0.0} s " +
              $"→ {seed.Total:N0} reports ({seed.Overdue:N0} of the inserted ones overdue).");
        Print();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-dev-shm-usage",
                // Nothing but loopback: any other host name fails to resolve, so no request can leave the machine.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });

        if (o.Micro)
        {
            await EndpointMicroAsync(app);
        }

        if (o.Map)
        {
            await MapAsync(o, app, browser, statics, seed.Total);
        }

        if (o.Live)
        {
            await LiveOneInstanceAsync(o, app, browser);
            await LiveTwoInstancesAsync(o, app, browser, settings);
        }

        Print($"At end: `{Machine.Uptime()}`");
    }

    // ------------------------------------------------------------------ map

    private const string IdleObserver = """
        (() => {
          const expected = String(EXPECTED);
          const check = () => {
            const el = document.querySelector('[data-testid=report-map]');
            if (el && el.dataset.idle === 'true' && el.dataset.count === expected && window.__mapIdleAt === undefined) {
              window.__mapIdleAt = performance.now();
            }
          };
          new MutationObserver(check).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-idle', 'data-count'] });
        })();
        """;

    private sealed record MapRun(double Idle, double FetchStart, double FetchEnd, double DomContentLoaded, int Downloads);

    private static async Task MapAsync(Options o, BenchApp app, IBrowser browser, StaticServer statics, int expected)
    {
        var appContext = await NewContextAsync(browser, app.BaseUrl);
        await SignInAsync(appContext, Coordinator);
        await appContext.AddInitScriptAsync(IdleObserver.Replace("EXPECTED", expected.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var plainContext = await NewContextAsync(browser, statics.BaseUrl);
        await plainContext.AddInitScriptAsync(IdleObserver.Replace("EXPECTED", expected.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // (1) The GeoJSON endpoint, with the coordinator's cookie: everything is in scope.
        var cookies = await appContext.CookiesAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        var ttfb = new List<double>();
        var total = new List<double>();
        byte[] body = [];
        Print("### GeoJSON endpoint");
        Print();
        Print($"Load before: `{Machine.LoadAverage()}`");
        for (var i = -2; i < o.ApiRuns; i++)
        {
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await http.GetAsync("/api/map/reports?tab=All", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var t1 = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            body = await response.Content.ReadAsByteArrayAsync();
            var t2 = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (i >= 0)
            {
                ttfb.Add(t1);
                total.Add(t2);
            }
        }

        var features = JsonDocument.Parse(body).RootElement.GetProperty("features").GetArrayLength();
        if (features != expected)
        {
            throw new InvalidOperationException($"The endpoint returned {features} features, expected {expected}.");
        }

        await File.WriteAllBytesAsync(Path.Combine(statics.Root, "points.json"), body);
        await File.WriteAllBytesAsync(Path.Combine(statics.Root, "areas.json"), await http.GetByteArrayAsync("/api/map/areas"));
        var gzip = GzipSize(body);
        Print();
        Print(Stats.Header);
        Print(Stats.Row("GET /api/map/reports: first byte", ttfb));
        Print(Stats.Row("GET /api/map/reports: whole body", total));
        Print();
        Print($"Size: {features:N0} features, {body.Length / 1024.0 / 1024.0:0.00} MiB ({body.Length / (double)features:0} bytes a point); " +
              $"{gzip / 1024.0 / 1024.0:0.00} MiB if gzip-compressed (the app does not compress responses).");
        Print($"Load after: `{Machine.LoadAverage()}`");
        Print();

        // (2) and (3): the app's /map and the plain page, interleaved run by run so that load swings hit both alike.
        var appRuns = new List<MapRun>();
        var plainRuns = new List<MapRun>();
        var size = (W: 1100, H: 550);
        var (lat, lon, zoom) = (9.78, 105.64, 10);
        Print("### Map idle with all points clustered (headless Chromium, 1366×850)");
        Print();
        Print($"Load before: `{Machine.LoadAverage()}`");
        for (var i = -1; i < o.MapRuns; i++)
        {
            var appRun = await TimeMapAsync(appContext, "/map?tab=All", "/api/map/reports?tab=All", async page =>
            {
                var box = await page.Locator("[data-testid=report-map]").BoundingBoxAsync();
                if (box is not null)
                {
                    size = ((int)Math.Round(box.Width), (int)Math.Round(box.Height));
                }
            });
            if (i >= 0)
            {
                appRuns.Add(appRun);
            }

            var plainUrl = $"/index.html?w={size.W}&h={size.H}&lat={lat.ToString(CultureInfo.InvariantCulture)}&lon={lon.ToString(CultureInfo.InvariantCulture)}&zoom={zoom}&tiles={Uri.EscapeDataString(statics.TileUrl)}";
            var plainRun = await TimeMapAsync(plainContext, plainUrl, "/points.json", null);
            if (i >= 0)
            {
                plainRuns.Add(plainRun);
            }

            Console.WriteLine($"  run {i}{(i < 0 ? " (warm-up)" : "")}: app {appRun.Idle:0} ms (fetch {appRun.FetchStart:0}–{appRun.FetchEnd:0}), plain {plainRun.Idle:0} ms (fetch {plainRun.FetchStart:0}–{plainRun.FetchEnd:0}), {Machine.LoadAverage()}");
        }

        Print($"Load after: `{Machine.LoadAverage()}`");
        Print();
        Print($"Map element {size.W}×{size.H} px on both pages; {expected:N0} points; times from navigation start; {o.MapRuns} runs each after one warm-up, app and plain interleaved.");
        Print();
        Print(Stats.Header);
        Print(Stats.Row("**app /map: idle, all clustered**", appRuns.Select(r => r.Idle).ToList()));
        Print(Stats.Row("app: DOMContentLoaded", appRuns.Select(r => r.DomContentLoaded).ToList()));
        Print(Stats.Row("app: GeoJSON download starts", appRuns.Select(r => r.FetchStart).ToList()));
        Print(Stats.Row("app: GeoJSON fetch duration", appRuns.Select(r => r.FetchEnd - r.FetchStart).ToList()));
        Print(Stats.Row("app: parse + cluster (fetch end → idle)", appRuns.Select(r => r.Idle - r.FetchEnd).ToList()));
        Print(Stats.Row("**plain page: idle, all clustered**", plainRuns.Select(r => r.Idle).ToList()));
        Print(Stats.Row("plain: GeoJSON fetch starts", plainRuns.Select(r => r.FetchStart).ToList()));
        Print(Stats.Row("plain: GeoJSON fetch duration", plainRuns.Select(r => r.FetchEnd - r.FetchStart).ToList()));
        Print(Stats.Row("plain: parse + cluster (fetch end → idle)", plainRuns.Select(r => r.Idle - r.FetchEnd).ToList()));
        Print();
        var appP50 = Stats.Percentile(appRuns.Select(r => r.Idle).ToList(), 50);
        var plainP50 = Stats.Percentile(plainRuns.Select(r => r.Idle).ToList(), 50);
        var appP95 = Stats.Percentile(appRuns.Select(r => r.Idle).ToList(), 95);
        var plainP95 = Stats.Percentile(plainRuns.Select(r => r.Idle).ToList(), 95);
        var ratios = appRuns.Zip(plainRuns, (a, b) => a.Idle / b.Idle).ToList();
        if (o.Tune is { } variants)
        {
            await TuneAsync(o, plainContext, statics, size, variants);
        }

        if (o.Profile)
        {
            var plainUrl = $"/index.html?w={size.W}&h={size.H}&tiles={Uri.EscapeDataString(statics.TileUrl)}";
            await ProfileAsync(appContext, "/map?tab=All", "app /map");
            await ProfileAsync(plainContext, plainUrl, "plain page");
        }

        Print($"Ratio app / plain: p50 {appP50 / plainP50:0.00}×, p95 {appP95 / plainP95:0.00}×; per interleaved pair median {Stats.Percentile(ratios, 50):0.00}× " +
              $"(target ≤ 1.3×: {(appP50 / plainP50 <= 1.3 ? "met" : "missed")}). Idle p50 {appP50 / 1000:0.00} s (target ≤ 2 s: {(appP50 <= 2000 ? "met" : "missed")}; p95 {appP95 / 1000:0.00} s).");
        Print();

        await appContext.CloseAsync();
        await plainContext.CloseAsync();
    }

    private static async Task<MapRun> TimeMapAsync(IBrowserContext context, string url, string dataPath, Func<IPage, Task>? after)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type is "warning" or "error")
            {
                Console.WriteLine($"  console {m.Type} on {url}: {m.Text}");
            }
        };
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => window.__mapIdleAt !== undefined", null, new() { PollingInterval = 100, Timeout = 120_000 });
            var t = await page.EvaluateAsync<double[]>("""
                p => {
                  const r = performance.getEntriesByType('resource').filter(e => e.name.includes(p));
                  const last = r[r.length - 1];
                  const nav = performance.getEntriesByType('navigation')[0];
                  return [window.__mapIdleAt, last ? last.startTime : NaN, last ? last.responseEnd : NaN, nav ? nav.domContentLoadedEventEnd : NaN, r.length];
                }
                """, dataPath);
            if (after is not null)
            {
                await after(page);
            }

            if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "1")
            {
                Console.WriteLine("  trace: " + await page.EvaluateAsync<string>("() => performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '').split('?')[0].slice(-40) + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)).join(' | ')"));
            }

            if (t[4] > 1)
            {
                Console.WriteLine("  entries: " + await page.EvaluateAsync<string>("p => JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.includes(p)).map(e => [e.initiatorType, Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize, e.encodedBodySize]))", dataPath));
                Console.WriteLine($"  note: {url} downloaded its data {t[4]} times (an unused preload?)");
            }

            return new MapRun(t[0], t[1], t[2], t[3], (int)t[4]);
        }
        finally
        {
            await page.CloseAsync();
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The plain page with option variants (query strings separated by ';', e.g. "chunkDelay=50;chunkDelay=0"), interleaved
    /// run by run, to see what a change to the map's options is worth under the same load.
    /// </summary>
    private static async Task TuneAsync(Options o, IBrowserContext plainContext, StaticServer statics, (int W, int H) size, string variants)
    {
        var list = variants.Split(';');
        var results = list.ToDictionary(v => v, _ => new List<MapRun>());
        Print($"Tuning the plain page, {o.MapRuns} interleaved runs per variant. Load before: `{Machine.LoadAverage()}`");
        for (var i = -1; i < o.MapRuns; i++)
        {
            foreach (var v in list)
            {
                var run = await TimeMapAsync(plainContext, $"/index.html?w={size.W}&h={size.H}&tiles={Uri.EscapeDataString(statics.TileUrl)}&{v}", "/points.json", null);
                if (i >= 0)
                {
                    results[v].Add(run);
                }
            }
        }

        Print($"Load after: `{Machine.LoadAverage()}`");
        Print();
        Print(Stats.Header);
        foreach (var v in list)
        {
            Print(Stats.Row($"plain `{v}`: idle", results[v].Select(r => r.Idle).ToList()));
            Print(Stats.Row($"plain `{v}`: fetch end → idle", results[v].Select(r => r.Idle - r.FetchEnd).ToList()));
        }

        Print();
    }

    /// <summary>One page load under Chromium's sampling profiler: self time by function, to see where the time goes.</summary>
    private static async Task ProfileAsync(IBrowserContext context, string url, string label)
    {
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new() { ["interval"] = 200 });
        await cdp.SendAsync("Profiler.start");
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.__mapIdleAt !== undefined", null, new() { PollingInterval = 100, Timeout = 120_000 });
        var idle = await page.EvaluateAsync<double>("() => window.__mapIdleAt");
        var result = await cdp.SendAsync("Profiler.stop");
        var profile = result!.Value.GetProperty("profile");
        var frames = new Dictionary<int, string>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var f = node.GetProperty("callFrame");
            var file = f.GetProperty("url").GetString() ?? "";
            var name = f.GetProperty("functionName").GetString() is { Length: > 0 } n ? n : "(anonymous)";
            frames[node.GetProperty("id").GetInt32()] = $"{name} {Path.GetFileName(file.Split('?')[0])}:{f.GetProperty("lineNumber").GetInt32() + 1}";
        }

        var self = new Dictionary<string, double>();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(e => e.GetDouble() / 1000).ToArray();
        for (var i = 0; i < samples.Length; i++)
        {
            var key = frames[samples[i]];
            self[key] = self.GetValueOrDefault(key) + (i + 1 < deltas.Length ? deltas[i + 1] : 0);
        }

        var busy = self.Where(kv => !kv.Key.StartsWith("(idle)", StringComparison.Ordinal) && !kv.Key.StartsWith("(program)", StringComparison.Ordinal)).Sum(kv => kv.Value);
        Print($"Profile of {label}: idle at {idle:0} ms; JS busy {busy:0} ms, (program) {self.Where(kv => kv.Key.StartsWith("(program)", StringComparison.Ordinal)).Sum(kv => kv.Value):0} ms, (idle) {self.Where(kv => kv.Key.StartsWith("(idle)", StringComparison.Ordinal)).Sum(kv => kv.Value):0} ms, (garbage collector) {self.Where(kv => kv.Key.StartsWith("(garbage", StringComparison.Ordinal)).Sum(kv => kv.Value):0} ms");
        Print();
        Print("| self ms | function |\n|---:|---|");
        foreach (var (key, ms) in self.OrderByDescending(kv => kv.Value).Take(25))
        {
            Print($"| {ms:0} | `{key}` |");
        }

        Print();
        await page.CloseAsync();
    }

    // ------------------------------------------------------------------ live

    private const string TimelineObserver = """
        () => {
          window.__tl = [];
          const count = () => document.querySelectorAll('[data-testid=timeline-item]').length;
          let last = count();
          new MutationObserver(() => {
            const c = count();
            if (c !== last) { window.__tl.push({ c, t: performance.timeOrigin + performance.now() }); last = c; }
          }).observe(document.body, { subtree: true, childList: true });
          return last;
        }
        """;

    private const string MapChangeObserver = """
        () => {
          window.__ml = [];
          const el = document.querySelector('[data-testid=report-map]');
          new MutationObserver(records => {
            for (const r of records) if (r.attributeName === 'data-last-change') window.__ml.push(performance.timeOrigin + performance.now());
          }).observe(el, { attributes: true, attributeFilter: ['data-last-change'] });
          return 0;
        }
        """;

    private sealed class LiveSample
    {
        public double Called { get; set; }
        public double Committed { get; set; } = double.NaN;
        public double Returned { get; set; }
        public double Arrived { get; set; } = double.NaN; // on the other instance, from Redis
        public double ReportDom { get; set; } = double.NaN;
        public double MapDom { get; set; } = double.NaN;
    }

    private static async Task LiveOneInstanceAsync(Options o, BenchApp app, IBrowser browser)
    {
        Print("### Live update latency: one instance");
        Print();
        var samples = await LiveAsync(o, actingApp: app, watchedApp: app, browser);
        PrintLive(samples, twoInstances: false);
    }

    private static async Task LiveTwoInstancesAsync(Options o, BenchApp first, IBrowser browser, Dictionary<string, string?> settings)
    {
        Print("### Live update latency: two instances, one database, Redis");
        Print();
        using var redis = new RedisServer();
        var withRedis = new Dictionary<string, string?>(settings) { ["Redis:Configuration"] = redis.Configuration };
        using var a = new BenchApp(o.DemoReports, withRedis, first.DatabasePath);
        using var b = new BenchApp(o.DemoReports, withRedis, first.DatabasePath);
        using (var http = new HttpClient())
        {
            var health = await http.GetStringAsync(b.BaseUrl + "/health");
            if (!health.Contains("\"redis\":{\"status\":\"Healthy\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Instance B's Redis is not healthy: " + health);
            }

            _ = await http.GetStringAsync(a.BaseUrl + "/health");
        }

        Print($"Instance A {a.BaseUrl}, instance B {b.BaseUrl}, redis-server {redis.Configuration} (Debian's); the change is committed on A, the browsers are on B.");
        Print();
        var samples = await LiveAsync(o, actingApp: a, watchedApp: b, browser);
        PrintLive(samples, twoInstances: true);
    }

    private static async Task<List<LiveSample>> LiveAsync(Options o, BenchApp actingApp, BenchApp watchedApp, IBrowser browser)
    {
        // The harness hears the feed like any page (its own mailbox): on the acting instance right after the commit, on the
        // watching instance as the change arrives from Redis.
        var committed = new System.Collections.Concurrent.ConcurrentDictionary<(long, int), double>();
        var arrived = new System.Collections.Concurrent.ConcurrentDictionary<(long, int), double>();
        using var commitTap = actingApp.Services.GetRequiredService<ReportFeed>().Subscribe(FeedScope.Everything, (changes, _) =>
        {
            foreach (var c in changes)
            {
                committed.TryAdd((c.ReportId, c.Version), Now());
            }

            return Task.CompletedTask;
        });
        using var arrivalTap = actingApp == watchedApp ? null : watchedApp.Services.GetRequiredService<ReportFeed>().Subscribe(FeedScope.Everything, (changes, _) =>
        {
            foreach (var c in changes)
            {
                arrived.TryAdd((c.ReportId, c.Version), Now());
            }

            return Task.CompletedTask;
        });

        var report = await actingApp.CreateReportAsync("UBND-31321", description: "Rác thải ùn ứ trước chợ (báo cáo đo độ trễ cập nhật trực tiếp).");

        // Browser 2: an officer of the unit on the report page. Browser 1: the coordinator on /map (all points).
        var reportContext = await NewContextAsync(browser, watchedApp.BaseUrl);
        await SignInAsync(reportContext, Watcher);
        var reportPage = await reportContext.NewPageAsync();
        await reportPage.GotoAsync("/reports/" + report.Code);
        await reportPage.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await reportPage.Locator("[data-testid=timeline-item]").First.WaitForAsync();

        var mapContext = await NewContextAsync(browser, watchedApp.BaseUrl);
        await SignInAsync(mapContext, Coordinator);
        var mapPage = await mapContext.NewPageAsync();
        await mapPage.GotoAsync("/map?tab=All");
        await mapPage.Locator("[data-testid=report-map][data-idle=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await Task.Delay(1000);

        var baseline = await reportPage.EvaluateAsync<int>(TimelineObserver);
        await mapPage.EvaluateAsync<int>(MapChangeObserver);
        var reportOffset = await ClockOffsetAsync(reportPage);
        var mapOffset = await ClockOffsetAsync(mapPage);

        var service = actingApp.Services.GetRequiredService<ReportActions>();
        var actor = await actingApp.UserAsync(Actor);
        var version = report.Version;
        var random = new Random(7);
        var samples = new List<LiveSample>();
        Print($"Load before: `{Machine.LoadAverage()}`");
        for (var i = 1; i <= o.Changes; i++)
        {
            var s = new LiveSample { Called = Now() };
            var result = await service.ExecuteAsync(actor, report.Id, new ActionRequest(ReportAction.AddNote, version) { Text = $"Ghi chú đo độ trễ số {i}." });
            s.Returned = Now();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Change {i} failed: {result.Outcome} {result.MessageKey}");
            }

            version++;
            var tl = await WaitForAsync(reportPage, "n => window.__tl.length > 0 && window.__tl[window.__tl.length - 1].c >= n ? window.__tl.find(e => e.c >= n).t : 0", baseline + i);
            var ml = await WaitForAsync(mapPage, "n => window.__ml.length >= n ? window.__ml[n - 1] : 0", i);

            // Read once the pages have it: the tap hears the change from its own mailbox, after ExecuteAsync returned.
            s.Committed = committed.GetValueOrDefault((report.Id, version), double.NaN);
            s.ReportDom = tl - reportOffset;
            s.MapDom = ml - mapOffset;
            s.Arrived = arrived.GetValueOrDefault((report.Id, version), double.NaN);
            samples.Add(s);
            await Task.Delay(150 + random.Next(200));
        }

        Print($"Load after: `{Machine.LoadAverage()}`");
        var drift = await ClockOffsetAsync(reportPage) - reportOffset;
        Print($"Browser clock offsets (performance.timeOrigin + now − .NET UtcNow): report page {reportOffset:0.0} ms, map page {mapOffset:0.0} ms " +
              $"(subtracted; drift over the run {drift:0.0} ms).");
        Print();
        await reportContext.CloseAsync();
        await mapContext.CloseAsync();
        return samples;
    }

    /// <summary>Waits until the expression (given n) returns a non-zero time; NaN on timeout.</summary>
    private static async Task<double> WaitForAsync(IPage page, string expression, int n)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync(expression, n, new() { PollingInterval = 20, Timeout = 10_000 });
            return await handle.JsonValueAsync<double>();
        }
        catch (TimeoutException)
        {
            return double.NaN;
        }
    }

    /// <summary>The browser's clock minus .NET's, from the evaluation with the shortest round trip.</summary>
    private static async Task<double> ClockOffsetAsync(IPage page)
    {
        var best = (Rtt: double.MaxValue, Offset: 0.0);
        for (var i = 0; i < 25; i++)
        {
            var t0 = Now();
            var b = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var t1 = Now();
            if (t1 - t0 < best.Rtt)
            {
                best = (t1 - t0, b - ((t0 + t1) / 2));
            }
        }

        return best.Offset;
    }

    private static void PrintLive(List<LiveSample> samples, bool twoInstances)
    {
        var report = samples.Select(s => s.ReportDom - s.Committed).Where(double.IsFinite).ToList();
        var map = samples.Select(s => s.MapDom - s.Committed).Where(double.IsFinite).ToList();
        var missed = samples.Count(s => double.IsNaN(s.ReportDom)) + samples.Count(s => double.IsNaN(s.MapDom));
        Print();
        Print(Stats.Header);
        Print(Stats.Row("**commit → report page DOM (timeline item added)**", report));
        Print(Stats.Row("commit → map DOM (point refreshed, data-last-change)", map));
        if (twoInstances)
        {
            Print(Stats.Row("commit on A → change heard on B (Redis)", samples.Select(s => s.Arrived - s.Committed).Where(double.IsFinite).ToList()));
        }

        Print(Stats.Row("ExecuteAsync call → commit", samples.Select(s => s.Committed - s.Called).Where(double.IsFinite).ToList()));
        Print(Stats.Row("ExecuteAsync call → return", samples.Select(s => s.Returned - s.Called).ToList()));
        Print();
        var p95 = Stats.Percentile(report, 95);
        Print($"{samples.Count} changes (AddNote through ReportActions.ExecuteAsync), {missed} DOM updates not seen within 10 s. " +
              $"Report page p95 {p95:0} ms (target < 500 ms: {(p95 < 500 ? "met" : "missed")}); map p95 {Stats.Percentile(map, 95):0} ms.");
        Print();
    }

    // ------------------------------------------------------------------ helpers

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 850 } });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private static async Task SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", PortalApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.CloseAsync();
    }

    private static long GzipSize(byte[] body)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(body);
        }

        return ms.Length;
    }

    private static string FindLibFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var lib = Path.Combine(dir.FullName, "HauGiang.Portal", "wwwroot", "lib");
            if (Directory.Exists(Path.Combine(lib, "leaflet.markercluster")))
            {
                return lib;
            }
        }

        throw new DirectoryNotFoundException("HauGiang.Portal/wwwroot/lib not found: build the app first (npm copies Leaflet there).");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
