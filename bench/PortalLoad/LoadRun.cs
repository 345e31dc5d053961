using System.Runtime;
using HauGiang.Portal.Features.Live;
using MapBench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PortalLoad;

/// <summary>A live-latency sample: a POST routed to a unit with an open "Mới" page, and when its code showed there.</summary>
public sealed record LiveSample(PostSample Post, double FromAnswerMs, double FromSentMs);

/// <summary>Everything measured in one run with N pages open.</summary>
public sealed record RunResult(
    int Pages,
    int PagesOpen,
    int PagesFailed,
    IReadOnlyList<double> OpenMs,
    IReadOnlyList<PostSample> Posts,
    IReadOnlyList<ActionSample> Actions,
    IReadOnlyList<LiveSample> Live,
    int LiveMissed,
    long Queries,
    double IdleQueriesPerSecond,
    ServerSample Start,
    IReadOnlyList<ServerSample> Samples,
    string LoadBefore,
    string LoadAfter,
    double RunStartUnixMs,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> ServerLog,
    int SubscribersLeft,
    IReadOnlyList<(string Sql, long Count, double Ms)> TopStatements,
    IReadOnlyList<double> ServerPostMs)
{
    public int Changes => Posts.Count(p => p.Ok) + Actions.Count(a => a.Outcome == HauGiang.Portal.Features.Shared.Actions.ActionOutcome.Done);
}

/// <summary>Everything a run needs, set up once.</summary>
public sealed record Rig(BenchApp App, Cast Cast, PageFleet Fleet, IPlaywright Playwright, BrowserTypeLaunchOptions Launch, int MainBrowserPid,
    QueryCounter Queries, ServerLog Log, ICitizens Citizens, OfficerLoad Officers, int BaselineSubscribers);

/// <summary>
/// One run: open N pages, let them settle, then for the run's duration citizens POST and officers act while the
/// server is sampled; then the live records are read back from the pages, the pages closed and the server left to
/// settle before the next run.
/// </summary>
public static class LoadRun
{
    public static async Task<RunResult> RunAsync(Rig rig, int n, Options o, bool withFaults, CancellationToken ct)
    {
        var feed = rig.App.Services.GetRequiredService<ReportFeed>();
        var duration = TimeSpan.FromSeconds(o.Seconds);
        Console.Error.WriteLine($"[{n} pages] opening… ({Machine.LoadAverage()})");
        await rig.Fleet.OpenAsync(PageFleet.Plan(n, rig.Cast), ct);
        var events = new List<string>();
        FaultBrowsers? faults = null;
        try
        {
            faults = withFaults ? await FaultBrowsers.StartAsync(rig.Playwright, rig.Launch, rig.Fleet, rig.App.BaseUrl, rig.Cast) : null;
        }
        catch (Exception e) when (e is InvalidOperationException or PlaywrightException or TimeoutException)
        {
            events.Add("fault browsers could not be started, run without them: " + e.Message.Split('\n')[0]);
        }

        if (n > 0)
        {
            events.Add($"fleet browser with the pages open: {ProcessTree.BrowserTree(rig.MainBrowserPid).Count} processes, allowed CPUs {Browsers.AllowedCpus(rig.MainBrowserPid)}, " +
                       $"lowest thread nice {Browsers.LowestNice(rig.MainBrowserPid)}");
        }

        // Settle: at least the given seconds, and until the fleet browser has finished drawing (under a third of a core
        // for 2 s; a minute at most). Then the queries the open pages make on their own, with no change at all.
        var settling = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(o.SettleSeconds), ct);
        if (n > 0)
        {
            var busy = await BrowsersQuietAsync(ct);
            events.Add($"settled {settling.Elapsed.TotalSeconds:0} s after opening (all browsers together at {busy:0}% of a core over the last 2 s)");
        }

        if (n > 0 && o.WarmupSeconds > 0)
        {
            // Pages that have already shown some changes, as an office's pages have by the time a rush comes: the
            // citizens post at the run's rate for the warm-up, nothing of it is counted, then the browsers settle again.
            await rig.Citizens.ReadyAsync(o.Rate, TimeSpan.FromSeconds(o.WarmupSeconds), ct);
            var warm = await rig.Citizens.RunAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var busy = await BrowsersQuietAsync(ct);
            events.Add($"warm-up: {warm.Count} POSTs in {o.WarmupSeconds} s before the run, not counted; browsers then at {busy:0}% of a core");
        }

        var idleFrom = rig.Queries.Count;
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var idleQps = (rig.Queries.Count - idleFrom) / 5.0;
        Collect();
        var start = ServerSampler.Now(feed, rig.Queries);

        Console.Error.WriteLine($"[{n} pages] {rig.Fleet.Pages.Count} open ({rig.Fleet.Failed} failed); load for {o.Seconds} s… ({Machine.LoadAverage()})");
        var loadBefore = Machine.LoadAverage();
        var logBefore = rig.Log.Snapshot();
        var queriesBefore = rig.Queries.Count;
        var statementsBefore = rig.Queries.Statements();
        using var stopSampling = new CancellationTokenSource();
        var sampler = new ServerSampler(feed, rig.Queries, () => ProcessTree.BrowserTree(rig.MainBrowserPid));
        var sampling = sampler.RunAsync(duration + TimeSpan.FromMinutes(2), stopSampling.Token);
        await rig.Citizens.ReadyAsync(o.Rate, duration, ct);
        var runStart = CitizenLoad.UnixMs();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var serverPosts = new ServerPostTimes();
        var posts = rig.Citizens.RunAsync(ct);
        var actions = rig.Officers.RunAsync(o.Actions, duration, ct);
        var faulting = faults is null ? Task.CompletedTask : Task.Run(async () =>
        {
            // Frozen 10 s and killed 20 s into the run (earlier in short runs: at a third and two thirds).
            var freezeAt = Math.Min(10, o.Seconds / 3.0);
            var killAt = Math.Min(20, o.Seconds * 2 / 3.0);
            await Task.Delay(TimeSpan.FromSeconds(freezeAt), ct);
            faults.Freeze(clock.Elapsed.TotalSeconds);
            await Task.Delay(TimeSpan.FromSeconds(killAt - freezeAt), ct);
            faults.Kill(clock.Elapsed.TotalSeconds);
        }, ct);
        await Task.WhenAll(posts, actions, faulting);
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // the last changes' page reloads
        var queries = rig.Queries.Count - queriesBefore;
        var top = rig.Queries.Statements()
            .Select(kv => (Sql: kv.Key, Count: kv.Value.Count - statementsBefore.GetValueOrDefault(kv.Key).Count, Ms: kv.Value.Ms - statementsBefore.GetValueOrDefault(kv.Key).Ms))
            .Where(x => x.Count > 0).OrderByDescending(x => x.Count).Take(o.SqlTop).ToList();
        await stopSampling.CancelAsync();
        var samples = await sampling;
        var loadAfter = Machine.LoadAverage();
        Console.Error.WriteLine($"[{n} pages] load done in {clock.Elapsed.TotalSeconds:0.0} s ({loadAfter})");
        if (faults is not null)
        {
            await faults.ThawAndCloseAsync(clock.Elapsed.TotalSeconds);
        }

        var (live, missed) = await LiveAsync(rig, posts.Result);
        var openMs = rig.Fleet.Pages.Select(p => p.OpenMs).ToList();
        var (open, failed) = (rig.Fleet.Pages.Count, rig.Fleet.Failed);
        await rig.Fleet.CloseAsync();
        var left = await SettleAsync(feed, rig.BaselineSubscribers, ct);
        return new RunResult(n, open, failed, openMs, posts.Result, actions.Result, live, missed, queries, idleQps, start, samples,
            loadBefore, loadAfter, runStart, [.. events, .. faults?.Events ?? []], [.. rig.Log.Since(logBefore)], left, top, serverPosts.Milliseconds);
    }

    /// <summary>POST answered → its code in each open "Mới" page of the unit it was routed to (missed: never seen there).</summary>
    private static async Task<(List<LiveSample>, int Missed)> LiveAsync(Rig rig, IReadOnlyList<PostSample> posts)
    {
        var seen = await rig.Fleet.ReadLiveAsync();
        var codes = posts.Where(p => p.Ok).Select(p => p.Code!).ToList();
        Dictionary<string, int?> unitOf;
        using (QueryCounter.Exclude())
        {
            await using var db = rig.App.CreateDbContext();
            unitOf = [];
            foreach (var chunk in codes.Chunk(500))
            {
                foreach (var r in await db.Reports.AsNoTracking().Where(r => chunk.Contains(r.Code)).Select(r => new { r.Code, r.UnitId }).ToListAsync())
                {
                    unitOf[r.Code] = r.UnitId;
                }
            }
        }

        var samples = new List<LiveSample>();
        var missed = 0;
        foreach (var post in posts.Where(p => p.Ok))
        {
            foreach (var (_, map) in seen.Where(s => s.UnitId == unitOf.GetValueOrDefault(post.Code!)))
            {
                if (map.TryGetValue(post.Code!, out var at))
                {
                    samples.Add(new LiveSample(post, at - post.AnsweredAt, at - post.SentAt));
                }
                else
                {
                    missed++;
                }
            }
        }

        return (samples, missed);
    }

    /// <summary>
    /// Waits (a minute at most) until this process's browsers (the fleet's and any fault browsers) together use under a
    /// third of a core; returns their last use (% of a core).
    /// </summary>
    private static async Task<double> BrowsersQuietAsync(CancellationToken ct)
    {
        static double Cpu() => ProcessTree.CpuSeconds(ProcessTree.BrowserMains().SelectMany(ProcessTree.BrowserTree));
        var percent = double.NaN;
        for (var i = 0; i < 30; i++)
        {
            var before = Cpu();
            await Task.Delay(2000, ct);
            percent = (Cpu() - before) / 2 * 100;
            if (percent < 33)
            {
                break;
            }
        }

        return percent;
    }

    /// <summary>
    /// Waits (at most a minute) for the closed pages' circuits to leave the live feed, then collects garbage; returns how
    /// many subscriptions were still there (a killed browser's circuits stay until the server gives up on them).
    /// </summary>
    private static async Task<int> SettleAsync(ReportFeed feed, int baseline, CancellationToken ct)
    {
        for (var i = 0; i < 60 && feed.SubscriberCount > baseline; i++)
        {
            await Task.Delay(1000, ct);
        }

        var left = feed.SubscriberCount - baseline;
        if (left > 0)
        {
            Console.Error.WriteLine($"  {left} feed subscriptions still open a minute after the pages closed");
        }

        Collect();
        await Task.Delay(2000, ct);
        return left;
    }

    private static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
