namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// The tiers a test class belongs to, as an xunit trait (<c>[Trait(Tier.Key, Tier.Fast)]</c>), so each runs alone:
/// <c>bash scripts/test.sh --fast</c> (or <c>--app</c>, <c>--browser</c>). <see cref="TierTests"/> fails when a
/// test class has no tier or one that does not match what it starts.
/// </summary>
public static class Tier
{
    public const string Key = "Tier";

    /// <summary>Domain rules, services on a SQLite file, bUnit components: no web server, no browser (seconds).</summary>
    public const string Fast = "Fast";

    /// <summary>The app on real Kestrel with its own SQLite database (PortalApp and kin), or the app as a process.</summary>
    public const string App = "App";

    /// <summary>Headless Chromium against the app (the browser collection).</summary>
    public const string Browser = "Browser";

    /// <summary>Benchmarks: skipped unless HG_BENCH=1 (docs/performance.md).</summary>
    public const string Bench = "Bench";
}
