namespace HauGiang.Portal.Data.Reference;

/// <summary>How a point was placed in an area.</summary>
public enum AreaMatch
{
    /// <summary>Inside the area's imported boundary.</summary>
    Boundary,

    /// <summary>No boundary contains it; the area's centre is the nearest within <see cref="AreaLocatorOptions.NearestCentreMaxKm"/>.</summary>
    NearestCentre,
}
