using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake;

/// <summary>Where a new report goes: its area and unit, and why; or refused when the point is outside the service area.</summary>
public sealed record RoutingOutcome(bool OutsideServiceArea, Area? Area, int? UnitId, RoutingReason Reason);

/// <summary>
/// Point → area (<see cref="IAreaLocator"/>), then (category, area) → unit by <see cref="Router"/>: a routing rule
/// first, else the category's default (the area's ward unit, or the department). No unit → the coordinators.
/// </summary>
public sealed class IntakeRouter(IDbContextFactory<PortalDbContext> dbFactory, IAreaLocator locator, AreaDirectory areas, IOptions<IntakeOptions> options)
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        List<RoutingRule> rules = [];
        int? wardUnit = null;
        if (area is not null)
        {
            rules = await db.RoutingRules.AsNoTracking().Where(r => r.CategoryId == category.Id && r.AreaId == area.Id).ToListAsync(ct);
            wardUnit = await db.Units.AsNoTracking().Where(u => u.AreaId == area.Id && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        }

        var decision = Router.Route(category, area?.Id, rules, wardUnit);
        return new(false, area, decision.UnitId, decision.Reason);
    }
}
