namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// Where a point without a containing boundary is placed. Bound from the <c>Intake</c> section, where
/// docs/open311.md documents it (<c>Intake:NearestCentreMaxKm</c>), since it decides how citizens' reports are routed.
/// </summary>
public sealed class AreaLocatorOptions
{
    public const string Section = "Intake";

    /// <summary>Nearest-centre location: beyond this distance a point is in no known area (it goes to the coordinators).</summary>
    public double NearestCentreMaxKm { get; set; } = 15;
}
