namespace HauGiang.Portal.Domain;

/// <summary>A ward or commune (official administrative code), with a centre and an optional boundary.</summary>
public sealed class Area
{
    public int Id { get; set; }

    /// <summary>Official code (mã đơn vị hành chính), e.g. "31321". Names repeat across the city; codes do not.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public AreaKind Kind { get; set; }

    public double CenterLatitude { get; set; }

    public double CenterLongitude { get; set; }

    /// <summary>True while the centre is the approximate demo position, not a surveyed one.</summary>
    public bool CenterIsApproximate { get; set; } = true;

    /// <summary>Boundary as GeoJSON geometry (Polygon or MultiPolygon), once imported.</summary>
    public string? BoundaryGeoJson { get; set; }
}
