using System.Text.Json;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace HauGiang.Portal.Features.Routing;

/// <summary>How a point was placed in an area.</summary>
public enum AreaMatch
{
    /// <summary>Inside the area's imported boundary.</summary>
    Boundary,

    /// <summary>No boundary contains it; the area's centre is the nearest within <see cref="AreaLocatorOptions.NearestCentreMaxKm"/>.</summary>
    NearestCentre,
}

public sealed record AreaLocation(Area Area, AreaMatch Match, double DistanceToCentreMetres);

/// <summary>
/// Finds the ward/commune a point falls in: the area whose imported boundary contains it, else the area with the
/// nearest centre within <see cref="AreaLocatorOptions.NearestCentreMaxKm"/> (15 km), else none (the report then goes to the coordinators). Areas and their prepared
/// polygons are cached for a minute and reloaded at once on this instance after an import (<see cref="Invalidate"/>);
/// other instances pick the change up within that minute.
/// </summary>
public sealed class AreaLocator(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<AreaLocatorOptions> options, ILogger<AreaLocator> logger) : IDisposable
{
    private readonly double _nearestCentreLimitMetres = options.Value.NearestCentreMaxKm * 1000;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The area containing (or, failing that, nearest to) the point; null when no centre is near enough.</summary>
    public async Task<Area?> LocateAsync(double lat, double lon, CancellationToken ct) =>
        (await LocateWithMatchAsync(lat, lon, ct))?.Area;

    /// <summary>As <see cref="LocateAsync"/>, and says how the area was found (for the "test a point" tool).</summary>
    public async Task<AreaLocation?> LocateWithMatchAsync(double lat, double lon, CancellationToken ct)
    {
        if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return null;
        }

        var snapshot = await GetSnapshotAsync(ct);
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        foreach (var entry in snapshot.Entries)
        {
            // The envelope test first: cheap, and rules out almost every polygon.
            if (entry.Boundary is { } boundary && entry.Envelope!.Contains(point.Coordinate) && boundary.Covers(point))
            {
                return new(Copy(entry.Area), AreaMatch.Boundary, Geo.DistanceMetres(lat, lon, entry.Area.CenterLatitude, entry.Area.CenterLongitude));
            }
        }

        AreaLocation? nearest = null;
        foreach (var entry in snapshot.Entries)
        {
            var d = Geo.DistanceMetres(lat, lon, entry.Area.CenterLatitude, entry.Area.CenterLongitude);
            if (d <= _nearestCentreLimitMetres && (nearest is null || d < nearest.DistanceToCentreMetres))
            {
                nearest = new(entry.Area, AreaMatch.NearestCentre, d);
            }
        }

        return nearest is null ? null : nearest with { Area = Copy(nearest.Area) };
    }

    /// <summary>Drops the cache: call after boundaries or centres change.</summary>
    public void Invalidate() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is not null && now < snapshot.Expires)
        {
            return snapshot;
        }

        await _loading.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && now < snapshot.Expires)
            {
                return snapshot;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
            var entries = areas.Select(a =>
            {
                var geometry = ParseBoundary(a.BoundaryGeoJson);
                if (a.BoundaryGeoJson is not null && geometry is null)
                {
                    logger.LogWarning("Area {Code} has a boundary that cannot be read; it is located by its centre only", a.Code);
                }

                return new Entry(a, geometry is null ? null : PreparedGeometryFactory.Prepare(geometry), geometry?.EnvelopeInternal);
            }).ToList();
            snapshot = new Snapshot(entries, clock.GetUtcNow() + CacheFor);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Reads a stored GeoJSON Polygon or MultiPolygon; null when absent or unreadable.</summary>
    public static Geometry? ParseBoundary(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return null;
        }

        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson.Options);
            return geometry is Polygon or MultiPolygon && !geometry.IsEmpty ? geometry : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static Area Copy(Area a) => new()
    {
        Id = a.Id,
        Code = a.Code,
        Name = a.Name,
        Kind = a.Kind,
        CenterLatitude = a.CenterLatitude,
        CenterLongitude = a.CenterLongitude,
        CenterIsApproximate = a.CenterIsApproximate,
        BoundaryGeoJson = a.BoundaryGeoJson,
    };

    private sealed record Entry(Area Area, IPreparedGeometry? Boundary, Envelope? Envelope);

    private sealed record Snapshot(IReadOnlyList<Entry> Entries, DateTimeOffset Expires);
}

/// <summary>GeoJSON (RFC 7946) reading and writing with NetTopologySuite, WGS 84 longitude/latitude.</summary>
public static class GeoJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)) },
    };
}
