using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake;

/// <summary>Where a new report goes: its area and unit, and why; or refused when the point is outside the service area.</summary>
public sealed record RoutingOutcome(bool OutsideServiceArea, Area? Area, int? UnitId, RoutingReason Reason);

/// <summary>
/// Point → area (<see cref="IAreaLocator"/>), then (category, area) → unit by <see cref="Router"/>: a routing rule
/// first, else the category's default (the area's ward unit, or the department). No unit → the coordinators.
/// </summary>
public sealed class IntakeRouter(IDbContextFactory<PortalDbContext> dbFactory, IAreaLocator locator, AreaDirectory areas, IMemoryCache cache, IOptions<IntakeOptions> options)
{
    /// <summary>Whether a point is close enough to the province to be handled here at all.</summary>
    public async Task<bool> IsInServiceAreaAsync(double lat, double lon, CancellationToken ct) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
        && await areas.NearestAsync(lat, lon, ct) is { } nearest && nearest.Km <= options.Value.ServiceRadiusKm;

    public async Task<RoutingOutcome> RouteAsync(Category category, double lat, double lon, CancellationToken ct)
    {
        if (!await IsInServiceAreaAsync(lat, lon, ct))
        {
            return new(true, null, null, RoutingReason.Unroutable);
        }

        var area = await locator.LocateAsync(lat, lon, ct);
        return await RouteToAreaAsync(category, area, ct);
    }

    /// <summary>Routes for a known area (an officer picked the ward/commune) or none.</summary>
    public async Task<RoutingOutcome> RouteToAreaAsync(Category category, Area? area, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var rules = area is null ? [] : table.Rules.Where(r => r.CategoryId == category.Id && r.AreaId == area.Id);
        int? wardUnit = area is not null && table.WardUnitByArea.TryGetValue(area.Id, out var w) ? w : null;
        var decision = Router.Route(category, area?.Id, rules, wardUnit);
        return new(false, area, decision.UnitId, decision.Reason);
    }

    /// <summary>A unit's name (Vietnamese, or English when asked and known), from the same cached table.</summary>
    public async Task<string?> UnitNameAsync(int? unitId, bool english, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        return unitId is { } id && table.Units.TryGetValue(id, out var u) ? (english ? u.NameEn ?? u.Name : u.Name) : null;
    }

    /// <summary>
    /// Forgets everything intake caches of the reference data — categories, routing rules, units, areas — so that an
    /// admin's change applies to the very next report (otherwise within 30–60 s). The admin services call it after
    /// every committed change.
    /// </summary>
    public void ForgetReferenceData()
    {
        cache.Remove(TableKey);
        cache.Remove(IntakeService.CategoriesKey);
        areas.Invalidate();
    }

    private const string TableKey = "intake-routing-table";

    private sealed record RoutingTable(IReadOnlyList<RoutingRule> Rules, IReadOnlyDictionary<int, int> WardUnitByArea, IReadOnlyDictionary<int, Unit> Units);

    // Intake reads the rules for every report; admins change them rarely. A small table, cached briefly, keeps a
    // flood burst from turning into thousands of identical queries.
    private async Task<RoutingTable> TableAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(TableKey, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
            var units = await db.Units.AsNoTracking().ToListAsync(ct);
            return new RoutingTable(
                rules,
                units.Where(u => u.AreaId is not null && u.IsActive).GroupBy(u => u.AreaId!.Value).ToDictionary(g => g.Key, g => g.First().Id),
                units.ToDictionary(u => u.Id));
        }))!;
}
