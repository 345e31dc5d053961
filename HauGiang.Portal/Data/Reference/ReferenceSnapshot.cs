using HauGiang.Portal.Domain;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// The reference data as read at one <see cref="Version"/> of <see cref="ReferenceDataSignal"/>: what intake, routing,
/// deadlines and the area locator look up for every report. Shared by every reader and immutable by agreement: its
/// entities are never changed or attached to a context (use their ids).
/// </summary>
public sealed class ReferenceSnapshot
{
    private readonly Dictionary<string, Category> _activeByCode;
    private readonly Dictionary<int, int> _wardUnitByArea;
    private readonly ILookup<(int CategoryId, int AreaId), RoutingRule> _rules;

    internal ReferenceSnapshot(long version, DateTimeOffset expires, IReadOnlyList<Category> categories, IReadOnlyList<Unit> units,
        IReadOnlyList<AreaShape> areas, IReadOnlyList<RoutingRule> rules, WorkingCalendar calendar)
    {
        Version = version;
        Expires = expires;
        Categories = categories;
        ActiveCategories = categories.Where(c => c.IsActive).ToList();
        _activeByCode = ActiveCategories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        Units = units.ToDictionary(u => u.Id);
        _wardUnitByArea = units.Where(u => u.AreaId is not null && u.IsActive).GroupBy(u => u.AreaId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        Shapes = areas;
        Areas = areas.Select(a => a.Area).ToList();
        _rules = rules.ToLookup(r => (r.CategoryId, r.AreaId));
        Calendar = calendar;
    }

    public long Version { get; }

    internal DateTimeOffset Expires { get; }

    /// <summary>Every category, active or not, in the admins' order.</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>The categories intake accepts, in the admins' order.</summary>
    public IReadOnlyList<Category> ActiveCategories { get; }

    public IReadOnlyDictionary<int, Unit> Units { get; }

    /// <summary>Every ward/commune, by id.</summary>
    public IReadOnlyList<Area> Areas { get; }

    public WorkingCalendar Calendar { get; }

    internal IReadOnlyList<AreaShape> Shapes { get; }

    /// <summary>An active category by its Open311 service_code; null when unknown or deactivated.</summary>
    public Category? ActiveCategory(string code) => _activeByCode.GetValueOrDefault(code.Trim());

    /// <summary>The ward/commune unit that governs an area (the first active one), if any.</summary>
    public int? WardUnitOf(int areaId) => _wardUnitByArea.TryGetValue(areaId, out var unit) ? unit : null;

    /// <summary>The routing rules of one (category, area) cell.</summary>
    public IEnumerable<RoutingRule> RulesFor(int categoryId, int areaId) => _rules[(categoryId, areaId)];

    /// <summary>The area whose centre is nearest the point, and its distance; null when there are no areas. The one
    /// nearest-centre search: the locator applies its limit to it, the service-area check its radius.</summary>
    public (Area Area, double Metres)? NearestCentre(double lat, double lon)
    {
        (Area Area, double Metres)? nearest = null;
        foreach (var area in Areas)
        {
            var d = Geo.DistanceMetres(lat, lon, area.CenterLatitude, area.CenterLongitude);
            if (nearest is null || d < nearest.Value.Metres)
            {
                nearest = (area, d);
            }
        }

        return nearest;
    }
}

/// <summary>An area with its boundary prepared for point-in-polygon tests (null when none was imported or readable).</summary>
internal sealed record AreaShape(Area Area, IPreparedGeometry? Boundary, Envelope? Envelope);
