namespace HauGiang.Portal.Features.Intake;

/// <summary>The demo feed (<c>Demo:Feed</c>): off unless configured (appsettings.Development.json turns it on).</summary>
public sealed class DemoFeedOptions
{
    public const string Section = "Demo:Feed";

    public bool Enabled { get; set; }

    public double IntervalSeconds { get; set; } = 8;

    /// <summary>Share of demo reports that come with a (generated) photo.</summary>
    public double PhotoShare { get; set; } = 0.3;
}
