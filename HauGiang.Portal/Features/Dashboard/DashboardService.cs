using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// The dashboard's figures for the reports in the user's scope and filter that matter for a period.
/// <see cref="KpiCalculator"/> over every fact of the period (<see cref="ComputeFromFactsAsync"/>) is the definition
/// (docs/decisions/004-kpis.md); the live dashboard takes the same figures from the kept counters and the open reports
/// (<see cref="FiguresFromCounters"/>, decision 019) whenever its rule (<see cref="FiguresFromCounters.CanAnswer"/>)
/// says they can answer, and the reference path otherwise — chosen before reading, never as a fallback.
/// </summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, ReportQueryService queue, TimeProvider clock)
{
    public async Task<DashboardData> GetAsync(PortalUser user, ReportFilter filter, Period period, bool english, CancellationToken ct = default)
    {
        var (now, dueSoonLimit) = await queue.MomentsAsync(ct);
        return await ComputeAsync(user, filter, period, now, dueSoonLimit, atPresent: true, english, ct);
    }

    /// <summary>
    /// The figures as they stood at the end of the period (the monthly report): open, overdue and due soon at that
    /// moment rather than now, as far as the reports' times tell (<see cref="ReportFacts.OpenAt"/>; deadlines as they
    /// are now, extensions included). For a period that ends now, the same as <see cref="GetAsync"/>.
    /// </summary>
    public async Task<DashboardData> GetAtEndAsync(PortalUser user, ReportFilter filter, Period period, bool english, CancellationToken ct = default) =>
        await ComputeAsync(user, filter, period, period.ToUtc, await queue.DueSoonLimitAsync(period.ToUtc, ct), atPresent: period.ToUtc >= clock.GetUtcNow().UtcDateTime, english, ct);

    /// <param name="atPresent">Whether <paramref name="now"/> is the present (the open reports now are those open at it).</param>
    internal async Task<DashboardData> ComputeAsync(PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, bool atPresent, bool english, CancellationToken ct)
    {
        if (!FiguresFromCounters.CanAnswer(filter, period, now, atPresent))
        {
            return await ComputeFromFactsAsync(user, filter, period, now, dueSoonLimit, english, ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FiguresFromCounters.ComputeAsync(db, user, filter, period, now, dueSoonLimit, english, ct);
    }

    /// <summary>The reference: every fact of the period materialized, then <see cref="KpiCalculator"/>.</summary>
    internal async Task<DashboardData> ComputeFromFactsAsync(PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await LoadFactsAsync(db, user, filter, period, ct);
        var labels = await DashboardLabels.LoadAsync(db, facts.Select(f => f.AssigneeId), english, ct);
        var oldestIds = facts.Where(f => f.OpenAt(now)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id).Take(10).Select(f => f.Id).ToList();
        var oldest = await OldestQuery(db, oldestIds, english).ToListAsync(ct);

        return new DashboardData(
            KpiCalculator.Tiles(facts, period, now, dueSoonLimit),
            KpiCalculator.Daily(facts, period),
            KpiCalculator.By(facts, period, now, f => DashboardLabels.Id(f.CategoryId), labels.Category),
            KpiCalculator.By(facts, period, now, f => f.AreaId is null ? null : DashboardLabels.Id(f.AreaId), labels.Area),
            KpiCalculator.By(facts, period, now, f => f.UnitId is null ? null : DashboardLabels.Id(f.UnitId), labels.Unit),
            KpiCalculator.By(facts, period, now, f => f.AssigneeId, labels.Officer),
            oldest);
    }

    /// <summary>The filter without its date bounds: the period replaces them.</summary>
    internal static ReportFilter WithoutDates(ReportFilter filter) =>
        filter with { Tab = QueueTab.All, From = null, To = null, ResolvedFrom = null, ResolvedTo = null, RatedFrom = null, RatedTo = null };

    internal static IQueryable<OldestReport> OldestQuery(PortalDbContext db, List<long> ids, bool english) =>
        db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Select(r => new OldestReport(r.Code, english ? r.Category!.NameEn : r.Category!.NameVi, r.Area != null ? r.Area.Name : null, r.ReceivedAt, r.DueAt, r.State));

    /// <summary>Reports in scope and filter that were open at some time in the period or touched it.</summary>
    internal static Task<List<ReportFacts>> LoadFactsAsync(PortalDbContext db, PortalUser user, ReportFilter filter, Period period, CancellationToken ct) =>
        FactsQuery(db, user, filter, period).ToListAsync(ct);

    internal static IQueryable<ReportFacts> FactsQuery(PortalDbContext db, PortalUser user, ReportFilter filter, Period period) =>
        ReportQuery.Filtered(db, user, WithoutDates(filter))
            .Where(r => r.ReceivedAt < period.ToUtc
                && (r.ReceivedAt >= period.FromUtc || r.State == ReportState.New || r.State == ReportState.InProgress
                    || r.ResolvedAt >= period.FromUtc || r.ClosedAt >= period.FromUtc || r.RatedAt >= period.FromUtc))
            .Select(r => new ReportFacts(r.Id, r.Code, r.CategoryId, r.AreaId, r.UnitId, r.AssignedOfficerId, r.State, r.ReceivedAt, r.DueAt, r.FirstActionAt, r.ResolvedAt, r.ClosedAt, r.Rating, r.RatedAt));

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
        // In the order of each group's first category.
        return await db.Categories.AsNoTracking().GroupBy(c => c.Group).OrderBy(g => g.Min(c => c.SortOrder)).ThenBy(g => g.Key).Select(g => g.Key).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Shared.Choice<int>>> UnitsAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Province).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Shared.Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }
}
