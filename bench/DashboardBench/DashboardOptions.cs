using System.Globalization;
using QueueBench;

namespace DashboardBench;

/// <summary>Command-line options; every one has a default so that a bare run does the documented benchmark.</summary>
internal sealed record DashboardOptions
{
    public int Reports { get; init; } = 1_000_000;

    /// <summary>Its own file: the queue benchmark's /tmp/hg-bench.db may be in use by someone else.</summary>
    public string Database { get; init; } = "/tmp/hg-dash.db";

    public int Days { get; init; } = 365;

    public int Seed { get; init; } = 2026;

    public DateTime? Now { get; init; }

    public bool Fresh { get; init; }

    public bool LoadOnly { get; init; }

    public int Iterations { get; init; } = 10;

    public int Warmup { get; init; } = 2;

    /// <summary>"dashboard", "export" or both (default).</summary>
    public string? Only { get; init; }

    /// <summary>Only the dashboard scenarios whose name contains this text.</summary>
    public string? Filter { get; init; }

    /// <summary>Export sizes (rows), each exported as CSV and XLSX.</summary>
    public IReadOnlyList<int> ExportRows { get; init; } = [10_000, 100_000];

    /// <summary>How often the server's memory is sampled during an export.</summary>
    public int SampleMs { get; init; } = 50;

    /// <summary>The app to start for the export (built with the bench).</summary>
    public string? App { get; init; }

    public string? Output { get; init; }

    public const string Usage = """
        usage: dashboard-bench [--reports N] [--db PATH] [--days N] [--seed N] [--now 2026-11-30T05:30Z] [--fresh] [--load-only]
                               [--iterations N] [--warmup N] [--only dashboard|export] [--filter TEXT]
                               [--export-rows 10000,100000] [--sample-ms N] [--app PATH/HauGiang.Portal.dll] [--out FILE]
        """;

    public bool Dashboard => Only is null or "dashboard";

    public bool Export => Only is null or "export";

    /// <summary>What the shared loader needs.</summary>
    public BenchOptions ForLoader() => new() { Reports = Reports, Database = Database, Days = Days, Seed = Seed, Now = Now, Fresh = Fresh };

    public static DashboardOptions Parse(string[] args)
    {
        var o = new DashboardOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int NextInt() => Int(Next());

            o = args[i] switch
            {
                "--reports" => o with { Reports = NextInt() },
                "--db" => o with { Database = Path.GetFullPath(Next()) },
                "--days" => o with { Days = NextInt() },
                "--seed" => o with { Seed = NextInt() },
                "--now" => o with { Now = DateTime.Parse(Next(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) },
                "--fresh" => o with { Fresh = true },
                "--load-only" => o with { LoadOnly = true },
                "--iterations" => o with { Iterations = NextInt() },
                "--warmup" => o with { Warmup = NextInt() },
                "--only" => o with { Only = Next() is var only && only is "dashboard" or "export" ? only : throw new ArgumentException("--only dashboard|export\n" + Usage) },
                "--filter" => o with { Filter = Next() },
                "--export-rows" => o with { ExportRows = [.. Next().Split(',').Select(Int)] },
                "--sample-ms" => o with { SampleMs = NextInt() },
                "--app" => o with { App = Path.GetFullPath(Next()) },
                "--out" => o with { Output = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        if (o.Reports < 1 || o.Days < 1 || o.Iterations < 1 || o.Warmup < 0 || o.SampleMs < 1 || o.ExportRows.Any(r => r < 1))
        {
            throw new ArgumentException("--reports, --days, --iterations, --sample-ms and --export-rows must be positive.\n" + Usage);
        }

        return o;

        static int Int(string s) => int.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
