namespace HauGiang.Portal.Domain;

/// <summary>(category, area) → unit: overrides the category's default handling.</summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public int AreaId { get; set; }

    public int UnitId { get; set; }
}
