using System.Globalization;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The geographic filter of GET requests (extension): <c>lat</c>/<c>long</c> + <c>radius</c> in metres (Chicago's,
/// Boston's) or <c>bbox=west,south,east,north</c> in degrees (the GeoJSON/OGC order: lon before lat).
/// In SQL first a box on the raw columns (the (Latitude, Longitude) index answers it), then the exact test on the
/// point as published: a report marked "Không công khai" is published to two decimals only, and a filter on its
/// exact point would let a client find that point by narrowing circles.
/// </summary>
public sealed record GeoFilter(double South, double West, double North, double East, double? Lat = null, double? Lon = null, double? RadiusMetres = null)
{
    public const double DefaultRadiusMetres = 1_000;
    public const double MaxRadiusMetres = 50_000;

    /// <summary>Metres per degree of latitude on the mean Earth radius (the one <see cref="Geo.DistanceMetres"/> uses).</summary>
    private const double MetresPerDegree = 6_371_000 * Math.PI / 180;

    /// <summary>A private point is rounded to 0.01° (at most 0.005° away): the raw-column box is widened by this.</summary>
    private const double RoundingSlack = 0.0051;

    public static GeoFilter Circle(double lat, double lon, double metres)
    {
        var dLat = metres / MetresPerDegree;
        var dLon = metres / (MetresPerDegree * Math.Cos(lat * Math.PI / 180));
        return new(lat - dLat, lon - dLon, lat + dLat, lon + dLon, lat, lon, metres);
    }

    /// <summary>Reads lat/long/radius or bbox; returns the resource key of the problem, or null (and the filter, if any).</summary>
    public static string? Parse(IQueryCollection query, out GeoFilter? filter)
    {
        filter = null;
        string? P(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var (lat, lon, radius, bbox) = (P("lat"), P("long"), P("radius"), P("bbox"));
        if (bbox is not null)
        {
            if (lat is not null || lon is not null || radius is not null)
            {
                return "Open311.GeoBoth";
            }

            var parts = bbox.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || !Number(parts[0], -180, 180, out var w) || !Number(parts[1], -90, 90, out var s)
                || !Number(parts[2], -180, 180, out var e) || !Number(parts[3], -90, 90, out var n) || w >= e || s >= n)
            {
                return "Open311.BboxInvalid";
            }

            filter = new GeoFilter(s, w, n, e);
            return null;
        }

        if (lat is null && lon is null)
        {
            return radius is null ? null : "Open311.LatLongRequired";
        }

        if (!Number(lat, -90, 90, out var la) || !Number(lon, -180, 180, out var lo))
        {
            return "Open311.LatLongQueryInvalid";
        }

        var metres = DefaultRadiusMetres;
        if (radius is not null && (!Number(radius, 0, MaxRadiusMetres, out metres) || metres <= 0))
        {
            return "Open311.RadiusInvalid";
        }

        filter = Circle(la, lo, metres);
        return null;
    }

    public IQueryable<Report> Apply(IQueryable<Report> reports)
    {
        var (s, w, n, e) = (South - RoundingSlack, West - RoundingSlack, North + RoundingSlack, East + RoundingSlack);
        reports = reports.Where(r => r.Latitude >= s && r.Latitude <= n && r.Longitude >= w && r.Longitude <= e);
        if (Lat is { } lat0 && Lon is { } lon0 && RadiusMetres is { } metres)
        {
            // Equirectangular distance around the centre: within 50 km it differs from the great circle by less
            // than 0.1 %, and it is plain arithmetic both SQLite and SQL Server evaluate.
            var ky = MetresPerDegree;
            var kx = MetresPerDegree * Math.Cos(lat0 * Math.PI / 180);
            var r2 = metres * metres;
            return reports.Where(r => r.IsPublic
                ? (((r.Latitude - lat0) * ky * ((r.Latitude - lat0) * ky)) + ((r.Longitude - lon0) * kx * ((r.Longitude - lon0) * kx))) <= r2
                : (((Math.Round(r.Latitude, 2) - lat0) * ky * ((Math.Round(r.Latitude, 2) - lat0) * ky))
                    + ((Math.Round(r.Longitude, 2) - lon0) * kx * ((Math.Round(r.Longitude, 2) - lon0) * kx))) <= r2);
        }

        var (s0, w0, n0, e0) = (South, West, North, East);
        return reports.Where(r => r.IsPublic
            ? r.Latitude >= s0 && r.Latitude <= n0 && r.Longitude >= w0 && r.Longitude <= e0
            : Math.Round(r.Latitude, 2) >= s0 && Math.Round(r.Latitude, 2) <= n0 && Math.Round(r.Longitude, 2) >= w0 && Math.Round(r.Longitude, 2) <= e0);
    }

    private static bool Number(string? text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= min && value <= max;
}
