using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Queue;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

public sealed record DashboardData(
    KpiTiles Tiles,
    IReadOnlyList<DailyPoint> Daily,
    IReadOnlyList<GroupRow> ByCategory,
    IReadOnlyList<GroupRow> ByArea,
    IReadOnlyList<GroupRow> ByUnit,
    IReadOnlyList<GroupRow> ByOfficer,
    IReadOnlyList<OldestReport> Oldest);

public sealed record OldestReport(string Code, string Category, string? Area, DateTime ReceivedAt, DateTime DueAt, ReportState State);

/// <summary>Loads the facts of the reports that matter for a period (in scope, filtered) and computes the figures.</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, QueueService queue, TimeProvider clock)
{
    public async Task<DashboardData> GetAsync(PortalUser user, QueueFilter filter, Period period, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await queue.MomentsAsync(ct);
        var facts = await LoadFactsAsync(db, user, filter, period, ct);

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c => english ? c.NameEn : c.NameVi, ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Name, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => english && u.NameEn != null ? u.NameEn : u.Name, ct);
        var assignees = facts.Select(f => f.AssigneeId).Where(a => a is not null).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

        var oldestIds = facts.Where(f => f.IsOpen).OrderBy(f => f.ReceivedAt).Take(10).Select(f => f.Id).ToList();
        var oldest = await db.Reports.AsNoTracking().Where(r => oldestIds.Contains(r.Id)).OrderBy(r => r.ReceivedAt)
            .Select(r => new OldestReport(r.Code, english ? r.Category!.NameEn : r.Category!.NameVi, r.Area != null ? r.Area.Name : null, r.ReceivedAt, r.DueAt, r.State))
            .ToListAsync(ct);

        return new DashboardData(
            KpiCalculator.Tiles(facts, period, now, dueSoonLimit),
            KpiCalculator.Daily(facts, period),
            KpiCalculator.By(facts, period, now, f => Id(f.CategoryId), k => categories.GetValueOrDefault(k, k)),
            KpiCalculator.By(facts, period, now, f => f.AreaId is null ? null : Id(f.AreaId), k => areas.GetValueOrDefault(k, k)),
            KpiCalculator.By(facts, period, now, f => f.UnitId is null ? null : Id(f.UnitId), k => units.GetValueOrDefault(k, k)),
            KpiCalculator.By(facts, period, now, f => f.AssigneeId, k => officers.GetValueOrDefault(k, k)),
            oldest);
    }

    /// <summary>Reports in scope and filter that were open at some time in the period or touched it.</summary>
    internal static Task<List<ReportFacts>> LoadFactsAsync(PortalDbContext db, PortalUser user, QueueFilter filter, Period period, CancellationToken ct) =>
        QueueService.Filtered(db, user, filter with { Tab = QueueTab.All, From = null, To = null, ResolvedFrom = null, ResolvedTo = null })
            .Where(r => r.ReceivedAt < period.ToUtc
                && (r.ReceivedAt >= period.FromUtc || r.State == ReportState.New || r.State == ReportState.InProgress
                    || r.ResolvedAt >= period.FromUtc || r.ClosedAt >= period.FromUtc))
            .Select(r => new ReportFacts(r.Id, r.Code, r.CategoryId, r.AreaId, r.UnitId, r.AssignedOfficerId, r.State, r.ReceivedAt, r.DueAt, r.FirstActionAt, r.ResolvedAt, r.ClosedAt, r.Rating))
            .ToListAsync(ct);

    /// <summary>The last <paramref name="days"/> local days up to now.</summary>
    public Period LastDays(int days)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(WorkingCalendar.ToLocal(now));
        return new Period(WorkingCalendar.FromLocal(today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue)), now);
    }

    /// <summary>From the start of one local day to the end of another (or now, if that is earlier).</summary>
    public Period Between(DateOnly from, DateOnly to)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = WorkingCalendar.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new Period(WorkingCalendar.FromLocal(from.ToDateTime(TimeOnly.MinValue)), end < now ? end : now);
    }

    /// <summary>The category groups, for the filter.</summary>
    public async Task<IReadOnlyList<string>> GroupsAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Group).Distinct().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Reports.Choice<int>>> UnitsAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Province).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Reports.Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }
}
