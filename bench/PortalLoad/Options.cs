using System.Globalization;

namespace PortalLoad;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed record Options(int[] Pages, int Seconds, double Rate, double Actions, string? Database, bool Faults, int DemoReports, string? Out, int OpenInParallel, int SettleSeconds, int BrowserNice, string BrowserCpus, int SqlTop, string? Raw, bool CitizensInProcess, int WarmupSeconds)
{
    public const string Usage = """
        bash bench/portal-load.sh [--pages 0,100] [--seconds 60] [--rate 20] [--actions 2] [--db PATH] [--no-faults]
                                  [--demo-reports 2000] [--open-parallel 4] [--settle 5] [--browser-nice 10] [--browser-cpus 1|all] [--sql-top 0] [--out FILE] [--raw DIR]
                                  [--warmup 0]
                                  [--citizens process|in-process]
        """;

    public static Options Parse(string[] args)
    {
        var known = new[] { "--pages", "--seconds", "--rate", "--actions", "--db", "--demo-reports", "--out", "--open-parallel", "--settle", "--browser-nice", "--browser-cpus", "--sql-top", "--raw", "--citizens", "--warmup" };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-faults")
            {
                continue;
            }

            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unknown option or missing value: {args[i]}");
            }

            i++;
        }

        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var pages = (Get("--pages") ?? "0,100").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var o = new Options(pages, Int("--seconds", 60), Double("--rate", 20), Double("--actions", 2), Get("--db"), !args.Contains("--no-faults"),
            Int("--demo-reports", 2000), Get("--out"), Int("--open-parallel", 4), Int("--settle", 5), Int("--browser-nice", 10),
            Get("--browser-cpus") ?? (Environment.ProcessorCount > 1 ? (Environment.ProcessorCount - 1).ToString(CultureInfo.InvariantCulture) : "all"), Int("--sql-top", 0), Get("--raw"),
            (Get("--citizens") ?? "process") == "in-process", Int("--warmup", 0));
        if (o.Pages.Length == 0 || o.Pages.Any(n => n is < 0 or > 500) || o.Seconds is < 5 or > 3600 || o.Rate is <= 0 or > 500 || o.Actions is <= 0 or > 100
            || o.OpenInParallel is < 1 or > 16 || o.SettleSeconds is < 0 or > 600 || o.BrowserNice is < 0 or > 19 || o.SqlTop is < 0 or > 100 || o.WarmupSeconds is < 0 or > 600)
        {
            throw new ArgumentException("Out of range: pages 0–500 each, seconds 5–3600, rate 0–500/s, actions 0–100/s, open-parallel 1–16, settle 0–600 s, browser-nice 0–19, sql-top 0–100, warmup 0–600 s.");
        }

        if (o.BrowserCpus != "all" && !System.Text.RegularExpressions.Regex.IsMatch(o.BrowserCpus, @"^\d+(-\d+)?(,\d+(-\d+)?)*$"))
        {
            throw new ArgumentException("--browser-cpus: a CPU list as taskset takes it (e.g. 1 or 0-1), or all.");
        }

        if (Get("--citizens") is { } citizens && citizens is not ("process" or "in-process"))
        {
            throw new ArgumentException("--citizens: process (default) or in-process.");
        }

        if (o.Database is { } db && !File.Exists(db))
        {
            throw new ArgumentException($"--db {db}: no such file.");
        }

        return o;
    }
}
