using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Shared;

/// <summary>Small lists for filters and forms: categories, areas, a unit's officers.</summary>
public sealed class LookupService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Choice<int>>> CategoriesAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder)
            .Select(c => new Choice<int>(c.Id, english ? c.NameEn : c.NameVi)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Choice<int>>> AreasAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Areas.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new Choice<int>(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Choice<string>>> OfficersOfUnitAsync(int? unitId, CancellationToken ct = default)
    {
        if (unitId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && !u.IsDisabled).OrderBy(u => u.DisplayName)
            .Select(u => new Choice<string>(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}
