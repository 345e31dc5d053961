using System.Globalization;
using System.Text;
using HauGiang.Portal.Features.Shared.Actions;
using MapBench;

namespace PortalLoad;

/// <summary>The runs side by side: one column per N, each target beside its row, misses marked ✗.</summary>
public static class ResultTable
{
    private sealed record Row(string Label, Func<RunResult, string> Cell, string Target = "", Func<RunResult, bool?>? Met = null);

    public static (string Text, bool AllMet) Render(IReadOnlyList<RunResult> runs, Options o)
    {
        var baseline = runs.FirstOrDefault(r => r.Pages == 0);
        var basePostP50 = baseline is null ? double.NaN : P(baseline.Posts.Where(p => p.Ok).Select(p => p.LatencyMs), 50);
        var rows = new List<Row>
        {
            new("pages open (failed to open)", r => $"{r.PagesOpen} ({r.PagesFailed})"),
            new("page open → circuit up p50 / p95 (ms)", r => $"{Ms(P(r.OpenMs, 50))} / {Ms(P(r.OpenMs, 95))}"),
            new("Open311 POSTs sent / created", r => $"{r.Posts.Count} / {r.Posts.Count(p => p.Ok)}"),
            new("Open311 POST p50 (ms)", r => Ms(PostP(r, 50)), "≤ 1.5× the 0-page run",
                r => double.IsNaN(basePostP50) || r.Pages == 0 ? null : PostP(r, 50) <= 1.5 * basePostP50),
            new("Open311 POST p99 (ms)", r => Ms(PostP(r, 99)), "< 150 ms", r => PostP(r, 99) < 150),
            new("Open311 POST server time p50 / p99 (ms)", r => $"{Ms(P(r.ServerPostMs, 50))} / {Ms(P(r.ServerPostMs, 99))}"),
            new("Open311 POST max (ms)", r => Ms(r.Posts.Where(p => !p.TimedOut).Select(p => p.LatencyMs).DefaultIfEmpty(double.NaN).Max())),
            new("officer actions done / conflicts", r => $"{r.Actions.Count(a => a.Outcome == ActionOutcome.Done)} / {r.Actions.Count(a => a.Outcome == ActionOutcome.Conflict)}"),
            new("officer action p50 (ms)", r => Ms(ActionP(r, 50))),
            new("officer action p99 (ms)", r => Ms(ActionP(r, 99)), "< 300 ms", r => ActionP(r, 99) < 300),
            new("live: POST answered → code in page p50 (ms)", r => Ms(P(r.Live.Select(l => l.FromAnswerMs), 50))),
            new("live: POST answered → code in page p95 (ms)", r => Ms(P(r.Live.Select(l => l.FromAnswerMs), 95)), "< 1 s",
                r => r.Live.Count == 0 ? null : P(r.Live.Select(l => l.FromAnswerMs), 95) < 1000),
            new("live: POST sent → code in page p50 / p95 (ms)", r => $"{Ms(P(r.Live.Select(l => l.FromSentMs), 50))} / {Ms(P(r.Live.Select(l => l.FromSentMs), 95))}"),
            new("live samples (POST × page) / missed", r => $"{r.Live.Count} / {r.LiveMissed}", "0 missed", r => r.Live.Count + r.LiveMissed == 0 ? null : r.LiveMissed == 0),
            new("EF queries per change", r => r.Changes == 0 ? "–" : (r.Queries / (double)r.Changes).ToString("0.0", CultureInfo.InvariantCulture)),
            new("EF queries/s with pages open, no changes", r => r.IdleQueriesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)),
            new("working set (MB) start → peak", r => $"{r.Start.WorkingSetMiB:0} → {Max(r, s => s.WorkingSetMiB):0}"),
            new("managed heap (MB) start → avg / peak", r => $"{r.Start.ManagedMiB:0} → {Avg(r, s => s.ManagedMiB):0} / {Max(r, s => s.ManagedMiB):0}"),
            new("memory per page (MB): working set / managed, vs 0 pages", r => baseline is null || r.Pages == 0 ? "–"
                : $"{(r.Start.WorkingSetMiB - baseline.Start.WorkingSetMiB) / r.Pages:0.0} / {(r.Start.ManagedMiB - baseline.Start.ManagedMiB) / r.Pages:0.00}"),
            new("server process CPU % of 2 cores avg / peak", r => $"{Avg(r, s => s.CpuPercent):0} / {Max(r, s => s.CpuPercent):0}"),
            new("fleet browser memory (PSS, MB) / CPU % of 2 cores", r => r.Pages == 0 ? "–" : $"{Avg(r, s => s.BrowserMiB):0} / {Avg(r, s => s.BrowserCpuPercent):0}"),
            new("thread pool threads avg / peak, queued peak", r => $"{Avg(r, s => s.PoolThreads):0} / {Max(r, s => s.PoolThreads):0}, {Max(r, s => s.PoolQueued):0}"),
            new("GC: gen2 collections, pause total (ms)", r => $"{Last(r, s => s.Gen2Collections) - r.Start.Gen2Collections}, {Last(r, s => s.GcPauseMs) - r.Start.GcPauseMs:0}"),
            new("longest gap between 1-s samples (s): process stalls", r => $"{LongestGap(r):0.0}"),
            new("live feed subscribers start → end", r => $"{r.Start.FeedSubscribers} → {(r.Samples.Count == 0 ? r.Start.FeedSubscribers : r.Samples[^1].FeedSubscribers)}"),
            new("feed subscriptions left 1 min after the pages closed", r => $"{r.SubscribersLeft}"),
            new("errors (POST + action)", r => $"{Errors(r)}", "0", r => Errors(r) == 0),
            new("timeouts (30 s)", r => $"{r.Posts.Count(p => p.TimedOut)}", "0", r => r.Posts.All(p => !p.TimedOut)),
            new("server log: warnings + errors", r => $"{r.ServerLog.Sum(Count)}"),
            new("load average (1 min) before → after", r => $"{r.LoadBefore.Split(' ')[2].TrimEnd(',')} → {r.LoadAfter.Split(' ')[2].TrimEnd(',')}"),
        };

        var text = new StringBuilder();
        text.AppendLine($"| measure | {string.Join(" | ", runs.Select(r => r.Pages + " pages"))} | target |");
        text.AppendLine($"|---|{string.Concat(runs.Select(_ => "---:|"))}---|");
        var allMet = true;
        foreach (var row in rows)
        {
            var cells = runs.Select(r =>
            {
                var met = row.Met?.Invoke(r);
                allMet &= met != false;
                return row.Cell(r) + (met == false ? " ✗" : "");
            });
            text.AppendLine($"| {row.Label} | {string.Join(" | ", cells)} | {row.Target} |");
        }

        text.AppendLine();
        if (runs.Select(r => r.Pages).Distinct().Count() >= 3)
        {
            text.AppendLine($"Memory per page, least squares over all runs: working set {Slope(runs, r => r.Start.WorkingSetMiB):0.0} MB, managed {Slope(runs, r => r.Start.ManagedMiB):0.00} MB " +
                            "(each run's start: pages open and settled, after a full GC).");
            text.AppendLine();
        }

        text.AppendLine($"Each run: {o.Seconds} s of Open311 POSTs at {o.Rate}/s and officer actions at {o.Actions}/s; ✗ = target missed. " +
                        "Memory and CPU are the whole benchmark process (the app, the officers' load and the Playwright client; the citizens, unless `--citizens in-process`, Chromium and Playwright's driver are other processes).");
        return (text.ToString(), allMet);
    }

    /// <summary>The run in 5-second windows: when something stalls (a frozen or killed browser), it shows here.</summary>
    public static string Timeline(RunResult r, int seconds)
    {
        var text = new StringBuilder();
        text.AppendLine("| window (s) | POSTs sent | POST p50 / max (ms) | actions p50 / max (ms) | live p50 / p95 from answer (ms) | EF queries/s | server CPU % | browsers CPU % (of 2 cores) | GC pause (ms) | working set (MB) | pool threads / queued | subscribers |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var previous = r.Start;
        for (var from = 0; from < seconds; from += 5)
        {
            bool In(double at) => at >= from && at < from + 5;
            var posts = r.Posts.Where(p => In((p.SentAt - r.RunStartUnixMs) / 1000)).ToList();
            var ok = posts.Where(p => !p.TimedOut).Select(p => p.LatencyMs).ToList();
            var actions = r.Actions.Where(a => In(a.AtSeconds)).Select(a => a.LatencyMs).ToList();
            var live = r.Live.Where(l => In((l.Post.SentAt - r.RunStartUnixMs) / 1000)).Select(l => l.FromAnswerMs).ToList();
            var samples = r.Samples.Where(s => In(s.AtSeconds)).ToList();
            var qps = samples.Count == 0 ? "–" : ((samples[^1].Queries - previous.Queries) / (samples[^1].AtSeconds - previous.AtSeconds)).ToString("0", CultureInfo.InvariantCulture);
            text.AppendLine($"| {from}–{from + 5} | {posts.Count} | {Ms(P(ok, 50))} / {Ms(ok.DefaultIfEmpty(double.NaN).Max())} | " +
                            $"{Ms(P(actions, 50))} / {Ms(actions.DefaultIfEmpty(double.NaN).Max())} | {Ms(P(live, 50))} / {Ms(P(live, 95))} | {qps} | " +
                            $"{(samples.Count == 0 ? "–" : samples.Average(s => s.CpuPercent).ToString("0", CultureInfo.InvariantCulture))} | " +
                            $"{(samples.Any(s => s.BrowserCpuPercent is not null) ? samples.Where(s => s.BrowserCpuPercent is not null).Average(s => s.BrowserCpuPercent!.Value).ToString("0", CultureInfo.InvariantCulture) : "–")} | " +
                            $"{(samples.Count == 0 ? "–" : (samples[^1].GcPauseMs - previous.GcPauseMs).ToString("0", CultureInfo.InvariantCulture))} | " +
                            $"{(samples.Count == 0 ? "–" : samples.Max(s => s.WorkingSetMiB).ToString("0", CultureInfo.InvariantCulture))} | " +
                            $"{(samples.Count == 0 ? "–" : $"{samples.Max(s => s.PoolThreads)} / {samples.Max(s => s.PoolQueued)}")} | " +
                            $"{(samples.Count == 0 ? "–" : samples[^1].FeedSubscribers.ToString(CultureInfo.InvariantCulture))} |");
            previous = samples.Count == 0 ? previous : samples[^1];
        }

        return text.ToString();
    }

    /// <summary>What happened in a run besides the numbers: POST and action errors, server log lines, browser and fault events.</summary>
    public static IEnumerable<string> Notes(RunResult r)
    {
        foreach (var g in r.Posts.Where(p => !p.Ok).GroupBy(p => p.Error ?? "?").OrderByDescending(g => g.Count()).Take(8))
        {
            yield return $"POST: {g.Count()} × {g.Key}";
        }

        foreach (var g in r.Actions.Where(a => a.Outcome != ActionOutcome.Done).GroupBy(a => a.Error ?? "?").OrderByDescending(g => g.Count()).Take(8))
        {
            yield return $"action: {g.Count()} × {g.Key}";
        }

        foreach (var line in r.ServerLog.Take(12))
        {
            yield return "server log: " + line;
        }

        foreach (var (sql, count, ms) in r.TopStatements)
        {
            yield return $"SQL {count} × ({ms / count:0.0} ms avg): `{sql}`";
        }

        foreach (var line in r.Events)
        {
            yield return line;
        }
    }

    /// <summary>Every POST, action and live sample of a run as CSV files in <paramref name="dir"/> (times in ms; "at" in s from the run's start).</summary>
    public static void WriteRaw(RunResult r, string dir)
    {
        Directory.CreateDirectory(dir);
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        File.WriteAllLines(Path.Combine(dir, $"posts-{r.Pages}.csv"), r.Posts.Select(p =>
            $"{p.Index},{F((p.SentAt - r.RunStartUnixMs) / 1000)},{F(p.LatencyMs)},{p.Status},{p.Code},{(p.TimedOut ? "timeout" : "")}").Prepend("index,at,ms,status,code,timeout"));
        File.WriteAllLines(Path.Combine(dir, $"actions-{r.Pages}.csv"), r.Actions.Select(a =>
            $"{F(a.AtSeconds)},{a.Action},{F(a.LatencyMs)},{a.Outcome}").Prepend("at,action,ms,outcome"));
        File.WriteAllLines(Path.Combine(dir, $"live-{r.Pages}.csv"), r.Live.Select(l =>
            $"{l.Post.Code},{F((l.Post.SentAt - r.RunStartUnixMs) / 1000)},{F(l.FromAnswerMs)},{F(l.FromSentMs)}").Prepend("code,at,from_answer_ms,from_sent_ms"));
        File.WriteAllLines(Path.Combine(dir, $"server-{r.Pages}.csv"), r.Samples.Select(s =>
            $"{F(s.AtSeconds)},{F(s.WorkingSetMiB)},{F(s.ManagedMiB)},{F(s.GcHeapMiB)},{F(s.CpuPercent)},{s.FeedSubscribers},{s.Queries},{s.PoolThreads},{s.PoolQueued},{F(s.GcPauseMs)},{s.Gen2Collections},{(s.BrowserMiB is { } b ? F(b) : "")},{(s.BrowserCpuPercent is { } c ? F(c) : "")}")
            .Prepend("at,working_set_mib,managed_mib,gc_heap_mib,cpu_percent,subscribers,queries,pool_threads,pool_queued,gc_pause_ms,gen2,browser_pss_mib,browser_cpu_percent"));
    }

    private static double Slope(IReadOnlyList<RunResult> runs, Func<RunResult, double> y)
    {
        var (mx, my) = (runs.Average(r => (double)r.Pages), runs.Average(y));
        return runs.Sum(r => (r.Pages - mx) * (y(r) - my)) / runs.Sum(r => (r.Pages - mx) * (r.Pages - mx));
    }

    private static double Last(RunResult r, Func<ServerSample, double> f) => r.Samples.Count == 0 ? f(r.Start) : f(r.Samples[^1]);

    private static double LongestGap(RunResult r) =>
        r.Samples.Prepend(r.Start).Zip(r.Samples, (a, b) => b.AtSeconds - a.AtSeconds).DefaultIfEmpty(0).Max();

    private static int Errors(RunResult r) =>
        r.Posts.Count(p => !p.Ok && !p.TimedOut) + r.Actions.Count(a => a.Outcome is null or ActionOutcome.NotFound or ActionOutcome.Refused or ActionOutcome.Invalid);

    private static int Count(string logLine) => int.TryParse(logLine.Split(' ')[0], CultureInfo.InvariantCulture, out var n) ? n : 1;

    private static double PostP(RunResult r, double p) => P(r.Posts.Where(x => x.Ok).Select(x => x.LatencyMs), p);

    private static double ActionP(RunResult r, double p) => P(r.Actions.Where(a => a.Outcome is not null).Select(a => a.LatencyMs), p);

    private static double P(IEnumerable<double> values, double p) => Stats.Percentile(values.ToList(), p);

    private static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString(Math.Abs(v) < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static double Avg(RunResult r, Func<ServerSample, double?> f) =>
        r.Samples.Select(f).OfType<double>().Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    private static double Max(RunResult r, Func<ServerSample, double?> f) =>
        r.Samples.Select(f).OfType<double>().Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
}
