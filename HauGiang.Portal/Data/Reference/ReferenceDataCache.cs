using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries.Prepared;

namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// The one in-memory copy of the reference data every feature reads (intake, routing, deadlines, the locator). It is
/// read again on the first use after <see cref="ReferenceDataSignal"/> moved, so an admin's change applies to the very
/// next report, on every instance when Redis is configured; and after <see cref="SafetyNet"/> at most, which covers a
/// change made while Redis was away or written outside the app (decision 018).
/// </summary>
public sealed class ReferenceDataCache(IDbContextFactory<PortalDbContext> dbFactory, ReferenceDataSignal signal, TimeProvider clock, ILogger<ReferenceDataCache> logger) : IDisposable
{
    /// <summary>The longest a copy is used without a signal.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile ReferenceSnapshot? _snapshot;

    public async Task<ReferenceSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (Current() is { } fresh)
        {
            return fresh;
        }

        // One reader loads; the others wait for its copy instead of sending the same queries.
        await _loading.WaitAsync(ct);
        try
        {
            if (Current() is { } loaded)
            {
                return loaded;
            }

            // The version is read before the rows: a change committed during the load leaves this copy stale at once.
            var snapshot = await LoadAsync(signal.Version, ct);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private ReferenceSnapshot? Current() =>
        _snapshot is { } s && s.Version == signal.Version && clock.GetUtcNow() < s.Expires ? s : null;

    private async Task<ReferenceSnapshot> LoadAsync(long version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        var shapes = areas.Select(a =>
        {
            var geometry = AreaLocator.ParseBoundary(a.BoundaryGeoJson);
            if (a.BoundaryGeoJson is not null && geometry is null)
            {
                logger.LogWarning("Area {Code} has a boundary that cannot be read; it is located by its centre only", a.Code);
            }

            return new AreaShape(a, geometry is null ? null : PreparedGeometryFactory.Prepare(geometry), geometry?.EnvelopeInternal);
        }).ToList();
        return new ReferenceSnapshot(version, clock.GetUtcNow() + SafetyNet, categories, units, shapes, rules, calendar);
    }
}
