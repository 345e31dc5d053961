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
