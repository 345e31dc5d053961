namespace HauGiang.Portal.Data.Seed;

/// <summary>Demo data settings (<c>Demo</c> section). Seeding is on in Development, off elsewhere unless set.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed demo accounts and reports into an empty database.</summary>
    public bool Seed { get; set; }

    /// <summary>How many reports to seed.</summary>
    public int Reports { get; set; } = 2000;

    /// <summary>Password of every demo account. Comes from configuration; the Development default is in appsettings.Development.json.</summary>
    public string Password { get; set; } = "";

    /// <summary>Fixed random seed so that two runs on the same day give the same data.</summary>
    public int RandomSeed { get; set; } = 2026;
}
