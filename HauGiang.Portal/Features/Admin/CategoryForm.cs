using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

/// <summary>What the category form sends; Id 0 creates a new category.</summary>
public sealed class CategoryForm
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Group { get; set; } = "";

    public string GroupEn { get; set; } = "";

    public string NameVi { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string Icon { get; set; } = "Report";

    public string Color { get; set; } = "#607d8b";

    public int HandlingDays { get; set; } = 5;

    public HandlingLevel Level { get; set; }

    public int? DefaultUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public static CategoryForm From(CategoryRow r) => new()
    {
        Id = r.Id, Code = r.Code, Group = r.Group, GroupEn = r.GroupEn, NameVi = r.NameVi, NameEn = r.NameEn, Icon = r.Icon,
        Color = r.Color, HandlingDays = r.HandlingDays, Level = r.Level, DefaultUnitId = r.DefaultUnitId, IsActive = r.IsActive,
    };
}
