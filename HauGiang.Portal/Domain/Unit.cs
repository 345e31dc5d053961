namespace HauGiang.Portal.Domain;

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
