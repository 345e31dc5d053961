using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
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

/// <summary>
/// The dashboard's figures for the reports in the user's scope and filter that matter for a period. The facts are
/// read in index-driven parts with the deadline compared in SQL (<see cref="DashboardFacts"/>) and counted in one
/// pass each (<see cref="DashboardFigures"/>); <see cref="KpiCalculator"/> over <see cref="LoadFactsAsync"/> is the
/// definition (docs/decisions/004-kpis.md) and the reference the tests compare with.
/// </summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, ReportQueryService queue, TimeProvider clock)
{
    public async Task<DashboardData> GetAsync(PortalUser user, ReportFilter filter, Period period, bool english, CancellationToken ct = default)
    {
        var (now, dueSoonLimit) = await queue.MomentsAsync(ct);
        return await ComputeAsync(user, filter, period, now, dueSoonLimit, english, ct);
    }

    /// <summary>
    /// The figures as they stood at the end of the period (the monthly report): open, overdue and due soon at that
    /// moment rather than now, as far as the reports' times tell (<see cref="ReportFacts.OpenAt"/>; deadlines as they
    /// are now, extensions included). For a period that ends now, the same as <see cref="GetAsync"/>.
    /// </summary>
    public async Task<DashboardData> GetAtEndAsync(PortalUser user, ReportFilter filter, Period period, bool english, CancellationToken ct = default) =>
        await ComputeAsync(user, filter, period, period.ToUtc, await queue.DueSoonLimitAsync(period.ToUtc, ct), english, ct);

    internal async Task<DashboardData> ComputeAsync(PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await DashboardFacts.LoadAsync(dbFactory, db, user, filter, period, now, dueSoonLimit, ct);
        if (facts is null)
        {
            return await ComputeFromFactsAsync(user, filter, period, now, dueSoonLimit, english, ct);
        }

        var labels = await LabelsAsync(db, facts.Select(f => f.AssigneeId), english, ct);

        // The ten oldest reports open at the moment; ties on the time in the order of the reports' ids.
        var oldestIds = facts.Where(f => f.OpenAt(now.Ticks)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id).Take(10).Select(f => f.Id).ToList();
        var oldest = await OldestAsync(db, oldestIds, english, ct);

        return new DashboardData(
            DashboardFigures.Tiles(facts, period, now),
            DashboardFigures.Daily(facts, period) ?? KpiCalculator.Daily([.. facts.Select(AsReportFacts)], period),
            DashboardFigures.By(facts, period, now, f => f.CategoryId, labels.Category),
            DashboardFigures.By(facts, period, now, f => f.AreaId, labels.Area),
            DashboardFigures.By(facts, period, now, f => f.UnitId, labels.Unit),
            DashboardFigures.By(facts, period, now, f => f.AssigneeId, labels.Officer),
            oldest);

        // Only the day chart reads these times (the deadline is already compared in SQL, hence a placeholder).
        static ReportFacts AsReportFacts(DashboardFact f) => new(
            f.Id, "", f.CategoryId, f.AreaId, f.UnitId, f.AssigneeId, f.State, Utc(f.ReceivedAt), DateTime.MaxValue,
            f.FirstActionAt is { } a ? Utc(a) : null, f.ResolvedAt is { } r ? Utc(r) : null, f.ClosedWithoutResolution is { } c ? Utc(c) : null, f.Rating,
            f.RatedAt is { } rated ? Utc(rated) : null);
        static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
    }

    /// <summary>The same figures the reference way: every fact of the period materialized, then <see cref="KpiCalculator"/>.</summary>
    internal async Task<DashboardData> ComputeFromFactsAsync(PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await LoadFactsAsync(db, user, filter, period, ct);
        var labels = await LabelsAsync(db, facts.Select(f => f.AssigneeId), english, ct);
        var oldestIds = facts.Where(f => f.OpenAt(now)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id).Take(10).Select(f => f.Id).ToList();
        var oldest = await OldestAsync(db, oldestIds, english, ct);

        return new DashboardData(
            KpiCalculator.Tiles(facts, period, now, dueSoonLimit),
            KpiCalculator.Daily(facts, period),
            KpiCalculator.By(facts, period, now, f => Id(f.CategoryId), labels.Category),
            KpiCalculator.By(facts, period, now, f => f.AreaId is null ? null : Id(f.AreaId), labels.Area),
            KpiCalculator.By(facts, period, now, f => f.UnitId is null ? null : Id(f.UnitId), labels.Unit),
            KpiCalculator.By(facts, period, now, f => f.AssigneeId, labels.Officer),
            oldest);
    }

    private static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private sealed record Labels(Func<string, string> Category, Func<string, string> Area, Func<string, string> Unit, Func<string, string> Officer);

    private static async Task<Labels> LabelsAsync(PortalDbContext db, IEnumerable<string?> assigneeIds, bool english, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => Id(c.Id), c => english ? c.NameEn : c.NameVi, ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => Id(a.Id), a => a.Name, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => Id(u.Id), u => english && u.NameEn != null ? u.NameEn : u.Name, ct);
        var assignees = assigneeIds.Where(a => a is not null).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new Labels(k => categories.GetValueOrDefault(k, k), k => areas.GetValueOrDefault(k, k), k => units.GetValueOrDefault(k, k), k => officers.GetValueOrDefault(k, k));
    }

    private static Task<List<OldestReport>> OldestAsync(PortalDbContext db, List<long> ids, bool english, CancellationToken ct) =>
        OldestQuery(db, ids, english).ToListAsync(ct);

    internal static IQueryable<OldestReport> OldestQuery(PortalDbContext db, List<long> ids, bool english) =>
        db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Select(r => new OldestReport(r.Code, english ? r.Category!.NameEn : r.Category!.NameVi, r.Area != null ? r.Area.Name : null, r.ReceivedAt, r.DueAt, r.State));

    /// <summary>Reports in scope and filter that were open at some time in the period or touched it.</summary>
    internal static Task<List<ReportFacts>> LoadFactsAsync(PortalDbContext db, PortalUser user, ReportFilter filter, Period period, CancellationToken ct) =>
        FactsQuery(db, user, filter, period).ToListAsync(ct);

    internal static IQueryable<ReportFacts> FactsQuery(PortalDbContext db, PortalUser user, ReportFilter filter, Period period) =>
        ReportQuery.Filtered(db, user, filter with { Tab = QueueTab.All, From = null, To = null, ResolvedFrom = null, ResolvedTo = null, RatedFrom = null, RatedTo = null })
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
