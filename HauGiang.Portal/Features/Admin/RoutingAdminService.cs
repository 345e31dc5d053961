using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>Routing rules (category × area → unit), shown as the effective unit per cell, and the point tester.</summary>
public sealed class RoutingAdminService(IDbContextFactory<PortalDbContext> dbFactory, AreaLocator locator, TimeProvider clock)
{
    public async Task<RoutingGrid> GridAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var wardOfArea = units.Where(u => u.AreaId != null && u.IsActive).GroupBy(u => u.AreaId!.Value).ToDictionary(g => g.Key, g => g.First().Id);

        var cells = new Dictionary<(int, int), RoutingCell>();
        foreach (var c in categories)
        {
            foreach (var a in areas)
            {
                var decision = Router.Route(c, a.Id, rules, wardOfArea.TryGetValue(a.Id, out var w) ? w : null);
                cells[(c.Id, a.Id)] = new RoutingCell(c.Id, a.Id, decision.UnitId, decision.Reason);
            }
        }

        return new RoutingGrid(
            categories.Select(c => new RoutingCategory(c.Id, c.Code, c.Name(english), c.Color, c.Level, c.IsActive)).ToList(),
            areas.Select(a => new RoutingArea(a.Id, a.Code, a.Name, a.Kind)).ToList(),
            units.ToDictionary(u => u.Id, u => new RoutingUnit(u.Id, u.Code, english && u.NameEn != null ? u.NameEn : u.Name, u.Kind)),
            cells);
    }

    /// <summary>Active units a cell can be routed to (not the city itself).</summary>
    public async Task<IReadOnlyList<Choice<int>>> TargetUnitsAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && u.Kind != UnitKind.Province).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }

    /// <summary>Sets the rule of one cell to a unit, or removes it (unitId null) so that the default applies again.</summary>
    public Task<AdminResult> SetCellAsync(PortalUser user, int categoryId, int areaId, int? unitId, CancellationToken ct = default) =>
        SetRulesAsync(user, categoryId, [areaId], unitId, "routing.set-cell", ct);

    /// <summary>Sets (or clears) the rule of every area of one category: one change, one audit entry.</summary>
    public async Task<AdminResult> SetRowAsync(PortalUser user, int categoryId, int? unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areaIds = await db.Areas.AsNoTracking().Select(a => a.Id).ToListAsync(ct);
        return await SetRulesAsync(user, categoryId, areaIds, unitId, "routing.set-row", ct);
    }

    private async Task<AdminResult> SetRulesAsync(PortalUser user, int categoryId, IReadOnlyCollection<int> areaIds, int? unitId, string action, CancellationToken ct)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        var areas = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        if (category is null || areas.Count != areaIds.Count)
        {
            return AdminResult.NotFound;
        }

        var unitCodes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        if (unitId is { } target && !await db.Units.AnyAsync(u => u.Id == target && u.IsActive && u.Kind != UnitKind.Province, ct))
        {
            return AdminResult.Invalid("Routing.UnitRequired");
        }

        var rules = await db.RoutingRules.Where(r => r.CategoryId == categoryId && areaIds.Contains(r.AreaId)).ToListAsync(ct);
        var before = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var areaId in areaIds)
        {
            var rule = rules.FirstOrDefault(r => r.AreaId == areaId);
            var code = areas[areaId];
            if (rule?.UnitId == unitId)
            {
                continue;
            }

            before[code] = rule is null ? "default" : unitCodes[rule.UnitId];
            after[code] = unitId is { } u ? unitCodes[u] : "default";
            if (unitId is null)
            {
                db.RoutingRules.Remove(rule!);
            }
            else if (rule is null)
            {
                db.RoutingRules.Add(new RoutingRule { CategoryId = categoryId, AreaId = areaId, UnitId = unitId.Value });
            }
            else
            {
                rule.UnitId = unitId.Value;
            }
        }

        if (after.Count == 0)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, action, nameof(RoutingRule), category.Code, before, after));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Where a report of this category at this point would go, and why: the same steps intake takes.</summary>
    public async Task<PointTestResult?> TestPointAsync(int categoryId, double lat, double lon, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
        {
            return null;
        }

        var location = await locator.LocateWithMatchAsync(lat, lon, ct);
        int? ward = null;
        var rules = new List<RoutingRule>();
        if (location is not null)
        {
            ward = await db.Units.AsNoTracking().Where(u => u.AreaId == location.Area.Id && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            rules = await db.RoutingRules.AsNoTracking().Where(r => r.CategoryId == categoryId && r.AreaId == location.Area.Id).ToListAsync(ct);
        }

        var decision = Router.Route(category, location?.Area.Id, rules, ward);
        var unitName = decision.UnitId is { } id
            ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => english && u.NameEn != null ? u.NameEn : u.Name).FirstOrDefaultAsync(ct)
            : null;
        return new PointTestResult(location, decision, unitName);
    }
}
