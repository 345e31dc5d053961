namespace HauGiang.Portal.Features.Intake;

/// <summary>One extra question of a category (an Open311 service attribute).</summary>
public sealed record ServiceAttribute(string Code, string Datatype, bool Required, int Order, string DescriptionVi, string DescriptionEn, IReadOnlyList<(string Key, string NameVi, string NameEn)> Values)
{
    public string Description(bool english) => english ? DescriptionEn : DescriptionVi;
}
