using System.Text.RegularExpressions;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// Categories (lĩnh vực): create, edit, reorder within a group, deactivate, delete while unused. The Open311
/// service_code is unique and never changes once created (clients keep it). Handling days apply to new reports only:
/// a report's deadline was fixed when it was received.
/// </summary>
public sealed partial class CategoryAdminService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxHandlingDays = 60;

    public async Task<IReadOnlyList<CategoryRow>> ListAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Reports.AsNoTracking().GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => english && u.NameEn != null ? u.NameEn : u.Name, ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return categories.Select(c => new CategoryRow(
            c.Id, c.Code, c.Group, c.GroupEn, c.NameVi, c.NameEn, c.Icon, c.Color, c.HandlingDays, c.Level, c.DefaultUnitId,
            c.DefaultUnitId is { } u && units.TryGetValue(u, out var name) ? name : null, c.IsActive, c.SortOrder, counts.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<AdminResult> SaveAsync(PortalUser user, CategoryForm form, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invalid = await ValidateAsync(db, form, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (form.Id == 0)
        {
            var code = form.Code.Trim();
            if (await db.Categories.AnyAsync(c => c.Code == code, ct))
            {
                return AdminResult.Invalid("Category.CodeTaken", code);
            }

            var category = new Category { Code = code, SortOrder = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? -1) + 1 };
            Apply(category, form);
            db.Categories.Add(category);
            db.AuditEntries.Add(AdminAudit.Entry(user, now, "category.create", nameof(Category), code, null, Snapshot(category)));
            await db.SaveChangesAsync(ct);
            return AdminResult.Done("Category.Created");
        }

        var existing = await db.Categories.FirstOrDefaultAsync(c => c.Id == form.Id, ct);
        if (existing is null)
        {
            return AdminResult.NotFound;
        }

        var before = Snapshot(existing);
        Apply(existing, form);
        var after = Snapshot(existing);
        if (before == after)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        db.AuditEntries.Add(AdminAudit.Entry(user, now, "category.update", nameof(Category), existing.Code, before, after));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Deactivated categories leave the intake choices (Open311 services, hotline form) and stay on their reports.</summary>
    public async Task<AdminResult> SetActiveAsync(PortalUser user, int id, bool active, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return AdminResult.NotFound;
        }

        if (category.IsActive == active)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        category.IsActive = active;
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, active ? "category.activate" : "category.deactivate", nameof(Category), category.Code,
            new { isActive = !active }, new { isActive = active }));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(active ? "Category.Activated" : "Category.Deactivated");
    }

    /// <summary>Moves a category one place up (-1) or down (+1) among the categories of its group.</summary>
    public async Task<AdminResult> MoveAsync(PortalUser user, int id, int direction, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return AdminResult.NotFound;
        }

        var group = await db.Categories.Where(c => c.Group == category.Group).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var index = group.FindIndex(c => c.Id == id);
        var target = index + Math.Sign(direction);
        if (direction == 0 || target < 0 || target >= group.Count)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        var before = group.Select(c => c.Code).ToList();
        var other = group[target];
        (category.SortOrder, other.SortOrder) = (other.SortOrder, category.SortOrder);
        if (category.SortOrder == other.SortOrder)
        {
            other.SortOrder += Math.Sign(direction) > 0 ? -1 : 1;
        }

        (group[index], group[target]) = (group[target], group[index]);
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "category.reorder", nameof(Category), category.Code,
            new { group = category.Group, order = before }, new { group = category.Group, order = group.Select(c => c.Code).ToList() }));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Deletes a category that no report has ever used; one in use can only be deactivated.</summary>
    public async Task<AdminResult> DeleteAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return AdminResult.NotFound;
        }

        if (await db.Reports.AnyAsync(r => r.CategoryId == id, ct))
        {
            return AdminResult.Invalid("Category.InUse");
        }

        db.Categories.Remove(category);
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "category.delete", nameof(Category), category.Code, Snapshot(category), null));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done("Category.Deleted");
    }

    /// <summary>Units a category can default to: departments, companies and the city (not a single ward).</summary>
    public async Task<IReadOnlyList<Shared.Choice<int>>> DefaultUnitChoicesAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && (u.Kind == UnitKind.Department || u.Kind == UnitKind.Province))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Shared.Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }

    private static async Task<AdminResult?> ValidateAsync(PortalDbContext db, CategoryForm form, CancellationToken ct)
    {
        if (form.Id == 0 && !CodePattern().IsMatch(form.Code?.Trim() ?? ""))
        {
            return AdminResult.Invalid("Category.CodeInvalid");
        }

        if (string.IsNullOrWhiteSpace(form.NameVi) || string.IsNullOrWhiteSpace(form.NameEn) || form.NameVi.Trim().Length > 200 || form.NameEn.Trim().Length > 200)
        {
            return AdminResult.Invalid("Category.NamesRequired");
        }

        if (string.IsNullOrWhiteSpace(form.Group) || form.Group.Trim().Length > 100 || (form.GroupEn?.Trim().Length ?? 0) > 100)
        {
            return AdminResult.Invalid("Category.GroupRequired");
        }

        if (form.HandlingDays is < 1 or > MaxHandlingDays)
        {
            return AdminResult.Invalid("Category.DaysRange", MaxHandlingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!ColorPattern().IsMatch(form.Color ?? ""))
        {
            return AdminResult.Invalid("Category.ColorInvalid");
        }

        if (!IconPattern().IsMatch(form.Icon ?? ""))
        {
            return AdminResult.Invalid("Category.IconInvalid");
        }

        if (form.Level == HandlingLevel.Department &&
            (form.DefaultUnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, ct)))
        {
            return AdminResult.Invalid("Category.DefaultUnitRequired");
        }

        return null;
    }

    private static void Apply(Category c, CategoryForm form)
    {
        c.Group = form.Group.Trim();
        c.GroupEn = form.GroupEn?.Trim() ?? "";
        c.NameVi = form.NameVi.Trim();
        c.NameEn = form.NameEn.Trim();
        c.Icon = form.Icon.Trim();
        c.Color = form.Color.Trim().ToLowerInvariant();
        c.HandlingDays = form.HandlingDays;
        c.Level = form.Level;
        c.DefaultUnitId = form.Level == HandlingLevel.Department ? form.DefaultUnitId : null;
        c.IsActive = form.IsActive;
    }

    private static string Snapshot(Category c) => AdminAudit.ToJson(new
    {
        c.Code, c.Group, c.GroupEn, c.NameVi, c.NameEn, c.Icon, c.Color, c.HandlingDays, c.Level, c.DefaultUnitId, c.IsActive,
    });

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex IconPattern();
}
