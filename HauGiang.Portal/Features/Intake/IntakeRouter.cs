using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// Point → area (<see cref="AreaLocator"/>), then (category, area) → unit by <see cref="Router"/>: a routing rule
/// first, else the category's default (the area's ward unit, or the department). No unit → the coordinators. Rules,
/// units and areas come from <see cref="ReferenceDataCache"/>, so an admin's change routes the very next report.
/// </summary>
public sealed class IntakeRouter(ReferenceDataCache reference, AreaLocator locator, IOptions<IntakeOptions> options)
{
    /// <summary>Whether a point is close enough to the province to be handled here at all.</summary>
    public async Task<bool> IsInServiceAreaAsync(double lat, double lon, CancellationToken ct) =>
        AreaLocator.IsCoordinate(lat, lon)
        && (await reference.GetAsync(ct)).NearestCentre(lat, lon) is { } nearest && nearest.Metres <= options.Value.ServiceRadiusKm * 1000;

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
        var snapshot = await reference.GetAsync(ct);
        var rules = area is null ? [] : snapshot.RulesFor(category.Id, area.Id);
        var wardUnit = area is null ? null : snapshot.WardUnitOf(area.Id);
        var decision = Router.Route(category, area?.Id, rules, wardUnit);
        return new(false, area, decision.UnitId, decision.Reason);
    }

    /// <summary>A unit's name (Vietnamese, or English when asked and known), from the same reference data.</summary>
    public async Task<string?> UnitNameAsync(int? unitId, bool english, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(ct);
        return unitId is { } id && snapshot.Units.TryGetValue(id, out var u) ? (english ? u.NameEn ?? u.Name : u.Name) : null;
    }
}
