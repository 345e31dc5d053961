namespace HauGiang.Portal.Domain;

/// <summary>Why a unit was chosen, for the "test a point" tool and the timeline.</summary>
public enum RoutingReason
{
    Rule,
    WardDefault,
    CategoryDefault,
    Unroutable,
}

public sealed record RoutingDecision(int? UnitId, RoutingReason Reason);

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

/// <summary>Great-circle distances, for "nearest centre" and duplicates within 200 m.</summary>
public static class Geo
{
    private const double EarthRadiusMetres = 6_371_000;

    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
