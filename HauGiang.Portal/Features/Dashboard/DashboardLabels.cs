using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>The names shown for the group tables' keys (ids as invariant text; the officer's user id).</summary>
internal sealed record DashboardLabels(Func<string, string> Category, Func<string, string> Area, Func<string, string> Unit, Func<string, string> Officer)
{
    public static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static async Task<DashboardLabels> LoadAsync(PortalDbContext db, IEnumerable<string?> officerIds, bool english, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => Id(c.Id), c => english ? c.NameEn : c.NameVi, ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => Id(a.Id), a => a.Name, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => Id(u.Id), u => english && u.NameEn != null ? u.NameEn : u.Name, ct);
        var wanted = officerIds.Where(a => !string.IsNullOrEmpty(a)).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new DashboardLabels(k => categories.GetValueOrDefault(k, k), k => areas.GetValueOrDefault(k, k), k => units.GetValueOrDefault(k, k), k => officers.GetValueOrDefault(k, k));
    }
}
