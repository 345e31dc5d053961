using System.Globalization;

namespace QueueBench;

/// <summary>Command-line options; every one has a default so that a bare run does the documented benchmark.</summary>
internal sealed record BenchOptions
{
    public int Reports { get; init; } = 1_000_000;

    public string Database { get; init; } = "/tmp/hg-bench.db";

    /// <summary>Reports are spread over this many days before "now".</summary>
    public int Days { get; init; } = 365;

    public int Iterations { get; init; } = 30;

    public int Warmup { get; init; } = 3;

    /// <summary>How many pages the deep-page scenarios follow the cursor before timing the next one.</summary>
    public int DeepPages { get; init; } = 200;

    public int Seed { get; init; } = 2026;

    /// <summary>Also write one Received event per report (the queue does not read them; the report page does).</summary>
    public bool Events { get; init; } = true;

    /// <summary>Recreate the database even if it already holds the right number of reports.</summary>
    public bool Fresh { get; init; }

    /// <summary>Only load the data, do not measure.</summary>
    public bool LoadOnly { get; init; }

    /// <summary>Print the SQL of every scenario once (EF command log) instead of timing.</summary>
    public bool ShowSql { get; init; }

    /// <summary>The moment the data is generated for (UTC, minutes); default: now. Same seed and moment, same data.</summary>
    public DateTime? Now { get; init; }

    /// <summary>Only run the scenarios whose name contains this text.</summary>
    public string? Filter { get; init; }

    /// <summary>Also write the result table (markdown) to this file.</summary>
    public string? Output { get; init; }

    public const string Usage = """
        usage: queue-bench [--reports N] [--db PATH] [--days N] [--iterations N] [--warmup N] [--deep-pages N]
                           [--seed N] [--now 2026-11-30T05:30Z] [--no-events] [--fresh] [--load-only] [--show-sql]
                           [--filter TEXT] [--out FILE]
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int NextInt() => int.Parse(Next().Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);

            o = args[i] switch
            {
                "--reports" => o with { Reports = NextInt() },
                "--db" => o with { Database = Path.GetFullPath(Next()) },
                "--days" => o with { Days = NextInt() },
                "--iterations" => o with { Iterations = NextInt() },
                "--warmup" => o with { Warmup = NextInt() },
                "--deep-pages" => o with { DeepPages = NextInt() },
                "--seed" => o with { Seed = NextInt() },
                "--no-events" => o with { Events = false },
                "--fresh" => o with { Fresh = true },
                "--load-only" => o with { LoadOnly = true },
                "--show-sql" => o with { ShowSql = true },
                "--filter" => o with { Filter = Next() },
                "--now" => o with { Now = DateTime.Parse(Next(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) },
                "--out" => o with { Output = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        if (o.Reports < 1 || o.Days < 1 || o.Iterations < 1 || o.Warmup < 0 || o.DeepPages < 1)
        {
            throw new ArgumentException("--reports, --days, --iterations and --deep-pages must be positive.\n" + Usage);
        }

        return o;
    }
}
