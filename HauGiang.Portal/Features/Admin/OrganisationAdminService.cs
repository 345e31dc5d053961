using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>Units (names, parents) and areas (names, centres, boundaries from a GeoJSON file).</summary>
public sealed class OrganisationAdminService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Include(u => u.Area).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var headRoleId = await db.Roles.Where(r => r.Name == Roles.DepartmentHead).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var heads = await db.Users.AsNoTracking()
            .Where(u => u.UnitId != null && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == headRoleId))
            .Select(u => new { u.UnitId, u.DisplayName }).ToListAsync(ct);
        var counts = await db.Users.AsNoTracking().Where(u => u.UnitId != null).GroupBy(u => u.UnitId!.Value)
            .Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);
        return units.Select(u => new UnitRow(
            u.Id, u.Code, u.Name, u.NameEn, u.Kind, u.ParentId,
            u.ParentId is { } p && names.TryGetValue(p, out var parent) ? parent : null,
            u.Area?.Name, u.IsActive,
            heads.Where(h => h.UnitId == u.Id).Select(h => h.DisplayName).Order(StringComparer.Ordinal).ToList(),
            counts.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<IReadOnlyList<AreaRow>> AreasAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Areas.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AreaRow(a.Id, a.Code, a.Name, a.Kind, a.CenterLatitude, a.CenterLongitude, a.CenterIsApproximate, a.BoundaryGeoJson != null, a.BoundaryGeoJson))
            .ToListAsync(ct);
    }

    public async Task<AdminResult> SaveUnitAsync(PortalUser user, UnitForm form, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return AdminResult.Invalid("Unit.NameRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == form.Id, ct);
        if (unit is null)
        {
            return AdminResult.NotFound;
        }

        if (form.ParentId is { } parentId)
        {
            // No cycles: the new parent may not be the unit itself nor one of its descendants.
            var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                return AdminResult.Invalid("Unit.ParentUnknown");
            }

            for (int? p = parentId; p is { } id; p = parents.GetValueOrDefault(id))
            {
                if (id == unit.Id)
                {
                    return AdminResult.Invalid("Unit.ParentCycle");
                }
            }
        }
        else if (unit.Kind != UnitKind.Province)
        {
            return AdminResult.Invalid("Unit.ParentRequired");
        }

        var before = Snapshot(unit);
        unit.Name = name;
        unit.NameEn = string.IsNullOrWhiteSpace(form.NameEn) ? null : form.NameEn.Trim();
        unit.ParentId = form.ParentId;
        var after = Snapshot(unit);
        if (before == after)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "unit.update", nameof(Unit), unit.Code, before, after));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    public async Task<AdminResult> SaveAreaAsync(PortalUser user, AreaForm form, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return AdminResult.Invalid("Area.NameRequired");
        }

        if (!IsInVietnam(form.CenterLatitude, form.CenterLongitude))
        {
            return AdminResult.Invalid("Area.CentreOutside");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == form.Id, ct);
        if (area is null)
        {
            return AdminResult.NotFound;
        }

        var before = Snapshot(area);
        var centreChanged = Math.Abs(area.CenterLatitude - form.CenterLatitude) > 1e-9 || Math.Abs(area.CenterLongitude - form.CenterLongitude) > 1e-9;
        area.Name = name;
        area.CenterLatitude = Math.Round(form.CenterLatitude, 6);
        area.CenterLongitude = Math.Round(form.CenterLongitude, 6);
        if (centreChanged)
        {
            area.CenterIsApproximate = false;
        }

        var after = Snapshot(area);
        if (before == after)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "area.update", nameof(Area), area.Code, before, after));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Checks a GeoJSON file against the areas: what would be imported, and what cannot be, and why.</summary>
    public async Task<BoundaryImportPreview> PreviewImportAsync(string json, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => (a.Id, a.Name), StringComparer.Ordinal, ct);
        return BoundaryImport.Parse(json, areas);
    }

    /// <summary>
    /// Imports the boundaries of a file in which every feature matched, or nothing at all. The file is checked again
    /// here (the preview on screen is not trusted). One audit entry records which areas changed, before and after.
    /// </summary>
    public async Task<(AdminResult Result, BoundaryImportPreview Preview)> ImportAsync(PortalUser user, string json, string? fileName, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return (AdminResult.Refused, BoundaryImportPreview.Error("Admin.Refused"));
        }

        if (Encoding.UTF8.GetByteCount(json) > BoundaryImport.MaxFileBytes)
        {
            return (AdminResult.Invalid("Import.Error.TooLarge"), BoundaryImportPreview.Error("Import.Error.TooLarge"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await db.Areas.ToListAsync(ct);
        var preview = BoundaryImport.Parse(json, areas.ToDictionary(a => a.Code, a => (a.Id, a.Name), StringComparer.Ordinal));
        if (!preview.CanApply)
        {
            return (AdminResult.Invalid("Import.NothingImported"), preview);
        }

        var before = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var feature in preview.Features)
        {
            var area = areas.Single(a => a.Id == feature.AreaId);
            before[area.Code] = Describe(area.BoundaryGeoJson);
            area.BoundaryGeoJson = feature.GeometryJson;
            after[area.Code] = Describe(area.BoundaryGeoJson);
        }

        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "area.import-boundaries", nameof(Area),
            string.Join(",", after.Keys), before, after, fileName));
        await db.SaveChangesAsync(ct);
        return (AdminResult.Done("Import.Done"), preview);
    }

    /// <summary>Removes one area's boundary: it is then located by its centre again.</summary>
    public async Task<AdminResult> ClearBoundaryAsync(PortalUser user, int areaId, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId, ct);
        if (area is null || area.BoundaryGeoJson is null)
        {
            return AdminResult.NotFound;
        }

        var before = new { boundary = Describe(area.BoundaryGeoJson) };
        area.BoundaryGeoJson = null;
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "area.clear-boundary", nameof(Area), area.Code, before, new { boundary = (string?)null }));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    public static bool IsInVietnam(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= 8 and <= 24 && lon is >= 102 and <= 110;

    /// <summary>A boundary in the audit log: its type, size and a hash (the polygon itself stays in the area).</summary>
    private static string? Describe(string? geoJson)
    {
        if (geoJson is null)
        {
            return null;
        }

        var geometry = AreaLocator.ParseBoundary(geoJson);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(geoJson)))[..12];
        return string.Create(CultureInfo.InvariantCulture, $"{geometry?.GeometryType ?? "?"} {geometry?.NumPoints ?? 0} pts sha256:{hash}");
    }

    private static string Snapshot(Unit u) => AdminAudit.ToJson(new { u.Name, u.NameEn, u.ParentId });

    private static string Snapshot(Area a) => AdminAudit.ToJson(new { a.Name, lat = a.CenterLatitude, lon = a.CenterLongitude });
}
