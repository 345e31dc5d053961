using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Intake;

/// <summary>Point → the ward/commune it lies in, or null when it is in no known area.</summary>
public interface IAreaLocator
{
    Task<Area?> LocateAsync(double lat, double lon, CancellationToken ct);
}

/// <summary>
/// The areas with their centres, cached briefly (admins rarely change them). Shared by the locator and by the
/// service-area check.
/// </summary>
public sealed class AreaDirectory(IDbContextFactory<PortalDbContext> dbFactory, IMemoryCache cache)
{
    private const string Key = "intake-areas";

    public async Task<IReadOnlyList<Area>> GetAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out IReadOnlyList<Area>? areas) && areas is not null)
        {
            return areas;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        cache.Set(Key, areas, TimeSpan.FromMinutes(1));
        return areas;
    }

    public void Invalidate() => cache.Remove(Key);

    /// <summary>The nearest area centre and its distance in km (null when there are no areas).</summary>
    public async Task<(Area Area, double Km)?> NearestAsync(double lat, double lon, CancellationToken ct)
    {
        var areas = await GetAsync(ct);
        return areas.Count == 0 ? null
            : areas.Select(a => (Area: a, Km: Geo.DistanceMetres(lat, lon, a.CenterLatitude, a.CenterLongitude) / 1000)).MinBy(x => x.Km);
    }
}

/// <summary>The intake's locator: the routing feature's <see cref="Routing.AreaLocator"/> (boundary polygons first,
/// then the nearest centre within its limit).</summary>
public sealed class BoundaryAreaLocator(Routing.AreaLocator locator) : IAreaLocator
{
    public Task<Area?> LocateAsync(double lat, double lon, CancellationToken ct) => locator.LocateAsync(lat, lon, ct);
}
