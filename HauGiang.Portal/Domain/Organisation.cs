namespace HauGiang.Portal.Domain;

/// <summary>A report category (lĩnh vực), one per Open311 service.</summary>
public sealed class Category
{
    public int Id { get; set; }

    /// <summary>Open311 service_code: unique and stable once published.</summary>
    public string Code { get; set; } = "";

    public string Group { get; set; } = "";

    public string GroupEn { get; set; } = "";

    public string NameVi { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>A Material icon name (MudBlazor Icons.Material.Filled.*), e.g. "Delete".</summary>
    public string Icon { get; set; } = "Report";

    /// <summary>CSS colour, e.g. "#2e7d32".</summary>
    public string Color { get; set; } = "#607d8b";

    /// <summary>Handling time in working days; changing it applies to new reports only.</summary>
    public int HandlingDays { get; set; } = 5;

    public HandlingLevel Level { get; set; }

    /// <summary>The unit that handles it when Level is Department (and no rule applies).</summary>
    public int? DefaultUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public string Name(bool english) => english ? NameEn : NameVi;
}

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

/// <summary>An organisational unit: the province (city), a department or a ward/commune People's Committee.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    /// <summary>The area a ward/commune unit governs.</summary>
    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>(category, area) → unit: overrides the category's default handling.</summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public int AreaId { get; set; }

    public int UnitId { get; set; }
}
