using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueBench;
using HauGiang.Portal.Features.Shared;

namespace DashboardBench;

/// <summary>The people whose dashboards are timed: a coordinator (province-wide) and two heads (one unit each).</summary>
internal sealed record BenchUsers(PortalUser Coordinator, PortalUser DepartmentHead, PortalUser WardHead, string CoordinatorEmail)
{
    public const string WardUnit = "UBND-31321";

    public static async Task<BenchUsers> FindAsync(IServiceProvider services, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Province, ct);
        var ward = await db.Units.AsNoTracking().SingleAsync(u => u.Code == WardUnit, ct);

        // The busiest department: the heaviest unit-scoped dashboard after the town ward.
        var departmentIds = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Department).Select(u => u.Id).ToListAsync(ct);
        var busiest = await db.Reports.AsNoTracking().Where(r => r.UnitId != null && departmentIds.Contains(r.UnitId.Value))
            .GroupBy(r => r.UnitId).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync(ct);
        var department = await db.Units.AsNoTracking().SingleAsync(u => u.Id == busiest.Key, ct);

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var coordinator = (await users.GetUsersInRoleAsync(Roles.Coordinator)).MinBy(u => u.UserName) ?? throw new InvalidOperationException("No coordinator.");
        var heads = await users.GetUsersInRoleAsync(Roles.DepartmentHead);
        ApplicationUser Head(Unit unit) => heads.Where(h => h.UnitId == unit.Id).MinBy(h => h.UserName) ?? throw new InvalidOperationException($"No head in {unit.Code}.");

        PortalUser Of(ApplicationUser a, string role, Unit unit) => new(a.Id, a.DisplayName, new HashSet<string> { role }, unit.Id, unit.Name, unit.Kind);
        return new BenchUsers(
            Of(coordinator, Roles.Coordinator, province),
            Of(Head(department), Roles.DepartmentHead, department),
            Of(Head(ward), Roles.DepartmentHead, ward),
            coordinator.Email!);
    }
}

/// <summary>
/// <see cref="DashboardService.GetAsync"/> (everything the dashboard page shows: tiles, daily chart, four group tables,
/// oldest open reports) as a coordinator, a department head and a ward head, over 7, 30 and 90 days, with filters.
/// </summary>
internal static class DashboardScenarios
{
    // Issue 14 (decision 019): p95 < 250 ms, and < 300 ms of CPU (the cpu columns), with the kept counters.
    public const double TargetMs = 250;

    public static async Task<List<Scenario>> BuildAsync(IServiceProvider services, BenchUsers users, DashboardOptions options, CancellationToken ct)
    {
        var dashboard = services.GetRequiredService<DashboardService>();
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var ward = await db.Units.AsNoTracking().Where(u => u.Code == BenchUsers.WardUnit).Select(u => u.Id).SingleAsync(ct);
        var group = (await dashboard.GroupsAsync(english: false, ct))[0];
        var department = users.DepartmentHead.UnitName;

        var scenarios = new List<Scenario>();
        foreach (var (who, user) in new[] { ("coordinator", users.Coordinator), ($"department head ({department})", users.DepartmentHead), ($"ward head ({BenchUsers.WardUnit})", users.WardHead) })
        {
            foreach (var days in new[] { 7, 30, 90 })
            {
                scenarios.Add(Load(dashboard, user, $"{who} · {days} days", new ReportFilter(), days));
            }

            scenarios.Add(Load(dashboard, user, $"{who} · 30 days · group \"{group}\"", new ReportFilter { CategoryGroup = group }, 30));
        }

        scenarios.Add(Load(dashboard, users.Coordinator, $"coordinator · 30 days · unit {BenchUsers.WardUnit}", new ReportFilter { UnitId = ward }, 30));
        return options.Filter is { Length: > 0 } f ? [.. scenarios.Where(s => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))] : scenarios;
    }

    private static Scenario Load(DashboardService dashboard, PortalUser user, string name, ReportFilter filter, int days) =>
        new(name, TargetMs, async ct => Describe(await dashboard.GetAsync(user, filter, dashboard.LastDays(days), english: false, ct)));

    // Rows that tie on the table's order (overdue, open) may come in any order: the digest compares content.
    private static IEnumerable<GroupRow> Sorted(IEnumerable<GroupRow> rows) => rows.OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>A few figures and a digest of everything, so that a change of implementation shows the same answers.</summary>
    private static string Describe(DashboardData d)
    {
        var t = d.Tiles;
        var all = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{t}")
            .AppendJoin('|', d.Daily).AppendJoin('|', Sorted(d.ByCategory)).AppendJoin('|', Sorted(d.ByArea)).AppendJoin('|', Sorted(d.ByUnit))
            .AppendJoin('|', Sorted(d.ByOfficer)).AppendJoin('|', d.Oldest)
            .ToString();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..12];
        return string.Create(CultureInfo.InvariantCulture, $"open {t.Open:N0}, resolved {t.ResolvedInPeriod:N0}, {d.Daily.Count} days, {d.ByOfficer.Count} officers, digest {digest}");
    }
}
