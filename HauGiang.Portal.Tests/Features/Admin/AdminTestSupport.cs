using System.Globalization;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Tests.Features.Admin;

/// <summary>
/// The real app with its own database for admin tests: admin changes are global (categories, boundaries, calendar),
/// so they never share a database with the other tests. Open pages revalidate their user every 2 s (60 s in use).
/// </summary>
public sealed class AdminApp() : PortalApp(reports: 150, new Dictionary<string, string?> { ["Identity:RevalidationSeconds"] = "2" });

/// <summary>Helpers for the admin tests: GeoJSON files and audit counting.</summary>
public static class AdminTestData
{
    public const string AdminEmail = "admin@haugiang.demo";

    /// <summary>A closed square ring around a point, as GeoJSON coordinates (longitude, latitude).</summary>
    public static string Square(double lat, double lon, double half) => string.Create(CultureInfo.InvariantCulture,
        $"[[[{lon - half},{lat - half}],[{lon + half},{lat - half}],[{lon + half},{lat + half}],[{lon - half},{lat + half}],[{lon - half},{lat - half}]]]");

    public static string Feature(string codeProperty, string code, string polygonCoordinates, string type = "Polygon") =>
        $$$"""{"type":"Feature","properties":{"{{{codeProperty}}}":"{{{code}}}","ten":"x"},"geometry":{"type":"{{{type}}}","coordinates":{{{polygonCoordinates}}}}}""";

    public static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    /// <summary>A bow-tie: a ring that crosses itself, which NetTopologySuite reports as a self-intersection.</summary>
    public static string BowTie(double lat, double lon) => string.Create(CultureInfo.InvariantCulture,
        $"[[[{lon - 0.01},{lat - 0.01}],[{lon + 0.01},{lat + 0.01}],[{lon + 0.01},{lat - 0.01}],[{lon - 0.01},{lat + 0.01}],[{lon - 0.01},{lat - 0.01}]]]");

    public static async Task<List<AuditEntry>> AuditAsync(this PortalApp app, string action, string? entityId = null)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action && (entityId == null || a.EntityId == entityId)).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<long> LastAuditIdAsync(this PortalApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>Audit entries written after <paramref name="afterId"/>.</summary>
    public static async Task<List<AuditEntry>> AuditSinceAsync(this PortalApp app, long afterId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).ToListAsync();
    }
}
