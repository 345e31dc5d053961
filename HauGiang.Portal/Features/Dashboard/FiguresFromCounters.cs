using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// The dashboard at the present moment without reading every report of the period (decision 019): what happened on
/// each day (received, finished, resolved and on time, ratings) from the kept <see cref="DashboardCounter"/>s, summed
/// in SQL; what is true now of the open reports (open, overdue, due soon, the ten oldest) from those reports, a small
/// set on its own index; the two medians from the reports of the period, all of them up to <see cref="MedianSample"/>,
/// else an evenly spread 1-in-k sample by id. The same definitions as <see cref="KpiCalculator"/>
/// (docs/decisions/004-kpis.md), which stays the reference and answers what counters cannot (<see cref="CanAnswer"/>).
/// </summary>
internal static class FiguresFromCounters
{
    /// <summary>Medians are exact up to this many reports; above it they come from a 1-in-k sample of about this many.</summary>
    public const int MedianSample = 5000;

    /// <summary>
    /// The rule for taking this path, decided before any query (never as a fallback on failure): the figures are
    /// taken at the present moment (open and overdue are then what the open reports say now); the period is whole
    /// local days (it starts at a local midnight and ends at one, or today — the dashboard's "up to now"), as the
    /// counters are per local day; and no text search (the counters hold no text). Anything else — the monthly
    /// report of a past month (open and overdue at its end), a search — takes the reference path.
    /// </summary>
    public static bool CanAnswer(ReportFilter filter, Period period, DateTime now, bool atPresent) =>
        atPresent
        && string.IsNullOrWhiteSpace(filter.Text)
        && IsDayStart(period.FromUtc)
        && (IsDayStart(period.ToUtc) || DayOf(period.ToUtc) == DayOf(now));

    public static async Task<DashboardData> ComputeAsync(PortalDbContext db, PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, bool english, CancellationToken ct)
    {
        // As the reference: the reports received before the period's end, open at the moment.
        var cutoff = period.ToUtc < now ? period.ToUtc : now;
        var reports = ReportQuery.Filtered(db, user, DashboardService.WithoutDates(filter));
        var openReports = reports.Where(r => r.State == ReportState.New || r.State == ReportState.InProgress);
        var open = await OpenGroupsQuery(openReports, cutoff, now, dueSoonLimit).ToListAsync(ct);

        var groupCategories = filter.CategoryGroup is { } group
            ? await db.Categories.AsNoTracking().Where(c => c.Group == group).Select(c => c.Id).ToListAsync(ct)
            : null;
        var grains = Grains.For(filter);
        DateOnly first = period.FirstDay, last = period.LastDay;
        var days = await DaysQuery(CountersQuery(db, user, filter, groupCategories, grains.Days), first).ToDictionaryAsync(d => d.Day, ct);
        var byPlace = await ResolvedQuery(CountersQuery(db, user, filter, groupCategories, grains.Places), first, last, byOfficer: false).ToListAsync(ct);
        var byOfficer = await ResolvedQuery(CountersQuery(db, user, filter, groupCategories, grains.Officers), first, last, byOfficer: true).ToListAsync(ct);

        var inPeriod = days.Values.Where(d => d.Day >= first && d.Day <= last).ToList();
        var (from, to) = (period.FromUtc, period.ToUtc);
        var firstAction = await MedianHoursAsync(
            reports.Where(r => r.ReceivedAt >= from && r.ReceivedAt < to && r.FirstActionAt != null),
            r => new Span(r.ReceivedAt, r.FirstActionAt),
            inPeriod.Sum(d => d.Received),
            ct);
        var resolution = await MedianHoursAsync(
            reports.Where(r => r.ResolvedAt >= from && r.ResolvedAt < to),
            r => new Span(r.ReceivedAt, r.ResolvedAt),
            inPeriod.Sum(d => d.Resolved),
            ct);

        var today = DayOf(now);
        int resolvedCount = inPeriod.Sum(d => d.Resolved), onTime = inPeriod.Sum(d => d.ResolvedOnTime), rated = inPeriod.Sum(d => d.Rated);
        var tiles = new KpiTiles(
            open.Sum(g => g.Open),
            today >= first && today <= last ? days.GetValueOrDefault(today)?.Received ?? 0 : 0,
            open.Sum(g => g.Overdue),
            open.Sum(g => g.DueSoon),
            resolvedCount,
            resolvedCount == 0 ? null : (double)onTime / resolvedCount,
            firstAction,
            resolution,
            rated == 0 ? null : (double)inPeriod.Sum(d => d.Satisfied) / rated,
            rated);

        var oldest = await openReports.Where(r => r.ReceivedAt < cutoff).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Take(10)
            .Select(r => new OldestReport(r.Code, english ? r.Category!.NameEn : r.Category!.NameVi, r.Area != null ? r.Area.Name : null, r.ReceivedAt, r.DueAt, r.State))
            .ToListAsync(ct);
        var labels = await DashboardLabels.LoadAsync(db, open.Select(g => g.OfficerId).Concat(byOfficer.Select(g => g.OfficerId)), english, ct);
        static string? Key(int? id) => id is > 0 ? DashboardLabels.Id(id) : null;
        return new DashboardData(
            tiles,
            Daily(days, first, last, open.Sum(g => g.All)),
            By(open, byPlace, g => Key(g.CategoryId), g => Key(g.CategoryId), labels.Category),
            By(open, byPlace, g => Key(g.AreaId), g => Key(g.AreaId), labels.Area),
            By(open, byPlace, g => Key(g.UnitId), g => Key(g.UnitId), labels.Unit),
            By(open, byOfficer, g => g.OfficerId, g => g.OfficerId is "" ? null : g.OfficerId, labels.Officer),
            oldest);
    }

    /// <summary>
    /// Per day: received, resolved, and open at its end = open now − received after it + finished after it (every
    /// report is received once and, unless open now, finished once: the counters of the later days say what changed).
    /// </summary>
    private static List<DailyPoint> Daily(Dictionary<DateOnly, DayCounts> days, DateOnly first, DateOnly last, int openNow)
    {
        var net = days.Values.Where(d => d.Day > last).Sum(d => d.Received - d.Finished);
        var points = new List<DailyPoint>();
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            var c = days.GetValueOrDefault(day);
            points.Add(new DailyPoint(day, c?.Received ?? 0, c?.Resolved ?? 0, openNow - net));
            net += (c?.Received ?? 0) - (c?.Finished ?? 0);
        }

        points.Reverse();
        return points;
    }

    private static List<GroupRow> By(List<OpenGroup> open, List<ResolvedGroup> resolved, Func<OpenGroup, string?> openKey, Func<ResolvedGroup, string?> resolvedKey, Func<string, string> label)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Of(string key) => counts.TryGetValue(key, out var c) ? c : counts[key] = new int[4];
        foreach (var g in open)
        {
            if (openKey(g) is { } key)
            {
                var c = Of(key);
                c[0] += g.Open;
                c[1] += g.Overdue;
            }
        }

        foreach (var g in resolved)
        {
            if (resolvedKey(g) is { } key)
            {
                var c = Of(key);
                c[2] += g.Resolved;
                c[3] += g.OnTime;
            }
        }

        return counts
            .Select(kv => new GroupRow(kv.Key, label(kv.Key), kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[2] == 0 ? null : (double)kv.Value[3] / kv.Value[2]))
            .Where(r => r.Open > 0 || r.ResolvedInPeriod > 0)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The median of the spans, over all of them when there are at most <see cref="MedianSample"/> (the counters say
    /// how many at most), else over those whose id is a multiple of k (k = count / sample, rounded up): ids follow the
    /// order of receipt, not the time a report took, so the sample is spread evenly over the period.
    /// </summary>
    private static async Task<double?> MedianHoursAsync(IQueryable<Report> reports, System.Linq.Expressions.Expression<Func<Report, Span>> span, int count, CancellationToken ct)
    {
        var k = Math.Max(1, (count + MedianSample - 1) / MedianSample);
        if (k > 1)
        {
            reports = reports.Where(r => r.Id % k == 0);
        }

        var read = await reports.Select(span).ToListAsync(ct);
        return KpiCalculator.Median(read.Select(s => (s.End!.Value - s.Start).TotalHours));
    }

    /// <summary>Open reports per category × area × unit × officer: all, and received before the cutoff (open, overdue, due soon).</summary>
    internal static IQueryable<OpenGroup> OpenGroupsQuery(IQueryable<Report> openReports, DateTime cutoff, DateTime now, DateTime dueSoonLimit) =>
        openReports
            .GroupBy(r => new { r.CategoryId, r.AreaId, r.UnitId, r.AssignedOfficerId })
            .Select(g => new OpenGroup(
                g.Key.CategoryId,
                g.Key.AreaId,
                g.Key.UnitId,
                g.Key.AssignedOfficerId,
                g.Count(),
                g.Count(r => r.ReceivedAt < cutoff),
                g.Count(r => r.ReceivedAt < cutoff && r.DueAt < now),
                g.Count(r => r.ReceivedAt < cutoff && r.DueAt >= now && r.DueAt <= dueSoonLimit)));

    /// <summary>Each day's sums from the first day on (the later days give the backlog at each day's end).</summary>
    internal static IQueryable<DayCounts> DaysQuery(IQueryable<DashboardCounter> counters, DateOnly first) =>
        counters.Where(c => c.Day >= first)
            .GroupBy(c => c.Day)
            .Select(g => new DayCounts(g.Key, g.Sum(c => c.Received), g.Sum(c => c.Finished), g.Sum(c => c.Resolved), g.Sum(c => c.ResolvedOnTime), g.Sum(c => c.Rated), g.Sum(c => c.Satisfied)));

    /// <summary>
    /// Resolved and on time in the period, for the group tables: per unit × category × area, or per officer (the
    /// other keys then 0 and "").
    /// </summary>
    internal static IQueryable<ResolvedGroup> ResolvedQuery(IQueryable<DashboardCounter> counters, DateOnly first, DateOnly last, bool byOfficer)
    {
        var resolved = counters.Where(c => c.Day >= first && c.Day <= last && c.Resolved != 0);
        return byOfficer
            ? resolved.GroupBy(c => c.OfficerId)
                .Select(g => new ResolvedGroup(0, 0, 0, g.Key, g.Sum(c => c.Resolved), g.Sum(c => c.ResolvedOnTime)))
            : resolved.GroupBy(c => new { c.UnitId, c.CategoryId, c.AreaId })
                .Select(g => new ResolvedGroup(g.Key.UnitId, g.Key.CategoryId, g.Key.AreaId, "", g.Sum(c => c.Resolved), g.Sum(c => c.ResolvedOnTime)));
    }

    /// <summary>
    /// The counters of one grain in the user's scope and filter: the scope as <c>ReportScope</c> draws it (a unit's own
    /// rows; province-wide every row — sandbox reports are never counted), then unit, category or group (its
    /// categories), area, officer. The grain must hold the filter's dimensions (<see cref="Grains.For"/>).
    /// </summary>
    internal static IQueryable<DashboardCounter> CountersQuery(PortalDbContext db, PortalUser user, ReportFilter filter, List<int>? groupCategories, DashboardCounterGrain grain)
    {
        var q = db.DashboardCounters.AsNoTracking().Where(c => c.Grain == grain);
        q = user.IsProvinceWide ? q : user.UnitId is { } own ? q.Where(c => c.UnitId == own) : q.Where(_ => false);
        if (filter.UnitId is { } unit)
        {
            q = q.Where(c => c.UnitId == unit);
        }

        if (filter.CategoryId is { } category)
        {
            q = q.Where(c => c.CategoryId == category);
        }

        if (groupCategories is not null)
        {
            q = q.Where(c => groupCategories.Contains(c.CategoryId));
        }

        if (filter.AreaId is { } area)
        {
            q = q.Where(c => c.AreaId == area);
        }

        if (filter.AssigneeId is { } officer)
        {
            q = q.Where(c => c.OfficerId == officer);
        }

        if (filter.AssignedToMe)
        {
            q = q.Where(c => c.OfficerId == user.Id);
        }

        return q;
    }

    /// <summary>
    /// The smallest grain for each read that holds the dimensions the filter names and the read groups by: the days'
    /// totals, the unit/category/area tables, the officer table. Without an officer in the filter, the place tables
    /// read the place grain; without a category, group or area, the officer table and the days read the officer grain;
    /// a filter with both reads the detail.
    /// </summary>
    internal sealed record Grains(DashboardCounterGrain Days, DashboardCounterGrain Places, DashboardCounterGrain Officers)
    {
        public static Grains For(ReportFilter filter)
        {
            var officer = filter.AssigneeId is not null || filter.AssignedToMe;
            var place = filter.CategoryId is not null || filter.CategoryGroup is not null || filter.AreaId is not null;
            var places = officer ? DashboardCounterGrain.Detail : DashboardCounterGrain.Place;
            var officers = place ? DashboardCounterGrain.Detail : DashboardCounterGrain.Officer;
            return new Grains(place ? places : officers, places, officers);
        }
    }

    private static bool IsDayStart(DateTime utc) => WorkingCalendar.FromLocal(WorkingCalendar.ToLocal(utc).Date) == utc;

    private static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(WorkingCalendar.ToLocal(utc));

    internal sealed record OpenGroup(int CategoryId, int? AreaId, int? UnitId, string? OfficerId, int All, int Open, int Overdue, int DueSoon);

    internal sealed record ResolvedGroup(int UnitId, int CategoryId, int AreaId, string OfficerId, int Resolved, int OnTime);

    internal sealed record DayCounts(DateOnly Day, int Received, int Finished, int Resolved, int ResolvedOnTime, int Rated, int Satisfied);

    private sealed record Span(DateTime Start, DateTime? End);
}
