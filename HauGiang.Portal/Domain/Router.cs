namespace HauGiang.Portal.Domain;

/// <summary>(category, area) → responsible unit. Pure: the caller supplies rules and the area's ward unit.</summary>
public static class Router
{
    /// <summary>Picks the unit: a rule for (category, area) first, else the category's default level.</summary>
    /// <param name="wardUnitOfArea">The ward/commune unit that governs the area (null if the area has none).</param>
    public static RoutingDecision Route(Category category, int? areaId, IEnumerable<RoutingRule> rules, int? wardUnitOfArea)
    {
        if (areaId is { } area)
        {
            var rule = rules.FirstOrDefault(r => r.CategoryId == category.Id && r.AreaId == area);
            if (rule is not null)
            {
                return new(rule.UnitId, RoutingReason.Rule);
            }
        }

        if (category.Level == HandlingLevel.Ward)
        {
            return wardUnitOfArea is { } ward ? new(ward, RoutingReason.WardDefault) : new(null, RoutingReason.Unroutable);
        }

        return category.DefaultUnitId is { } unit ? new(unit, RoutingReason.CategoryDefault) : new(null, RoutingReason.Unroutable);
    }
}
