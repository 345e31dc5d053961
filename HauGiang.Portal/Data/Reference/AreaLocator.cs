using System.Text.Json;
using HauGiang.Portal.Domain;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// Finds the ward/commune a point falls in: the area whose imported boundary contains it, else the area with the
/// nearest centre within <see cref="AreaLocatorOptions.NearestCentreMaxKm"/> (<c>Intake:NearestCentreMaxKm</c>, 15 km),
/// else none (the report then goes to the coordinators). Areas and their prepared polygons come from
/// <see cref="ReferenceDataCache"/>: an import or a moved centre applies to the next point located, on every instance.
/// </summary>
public sealed class AreaLocator(ReferenceDataCache reference, IOptions<AreaLocatorOptions> options)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The area containing (or, failing that, nearest to) the point; null when no centre is near enough.</summary>
    public async Task<Area?> LocateAsync(double lat, double lon, CancellationToken ct) =>
        (await LocateWithMatchAsync(lat, lon, ct))?.Area;

    /// <summary>As <see cref="LocateAsync"/>, and says how the area was found (for the "test a point" tool).</summary>
    public async Task<AreaLocation?> LocateWithMatchAsync(double lat, double lon, CancellationToken ct)
    {
        if (!IsCoordinate(lat, lon))
        {
            return null;
        }

        var snapshot = await reference.GetAsync(ct);
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        foreach (var shape in snapshot.Shapes)
        {
            // The envelope test first: cheap, and rules out almost every polygon.
            if (shape.Boundary is { } boundary && shape.Envelope!.Contains(point.Coordinate) && boundary.Covers(point))
            {
                return new(shape.Area, AreaMatch.Boundary, Geo.DistanceMetres(lat, lon, shape.Area.CenterLatitude, shape.Area.CenterLongitude));
            }
        }

        return snapshot.NearestCentre(lat, lon) is { } nearest && nearest.Metres <= options.Value.NearestCentreMaxKm * 1000
            ? new(nearest.Area, AreaMatch.NearestCentre, nearest.Metres)
            : null;
    }

    /// <summary>A latitude and longitude that exist.</summary>
    public static bool IsCoordinate(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;

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
}
