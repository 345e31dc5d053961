using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// Every dashboard figure from a list of facts, as plain functions, so that each can be checked on a hand-built
/// dataset. Definitions (docs/decisions/004-kpis.md):
/// all at a moment (now; the end of the month for the monthly report): open = received before it and not finished
/// before it (<see cref="ReportFacts.OpenAt"/>); overdue = open and past its deadline then (approved extensions
/// included); due soon = open with the deadline inside the queue's due-soon window from then;
/// resolved in period = ResolvedAt in the period (a reopened report is not resolved until it is again);
/// on time = resolved at or before its deadline; time to first action = FirstActionAt − ReceivedAt for reports
/// received in the period; satisfaction = (hài lòng + chấp nhận) / ratings given in the period (RatedAt), whatever
/// the report's state now (a "not satisfied" rating reopens the report, and still counts).
/// </summary>
public static class KpiCalculator
{
    /// <param name="now">The moment the open, overdue and due-soon figures are taken at.</param>
    /// <param name="dueSoonLimit">The end of the due-soon window (the queue's rule: N working days from that moment).</param>
    public static KpiTiles Tiles(IReadOnlyCollection<ReportFacts> facts, Period period, DateTime now, DateTime dueSoonLimit)
    {
        var todayStart = WorkingCalendar.FromLocal(WorkingCalendar.ToLocal(now).Date);
        var open = facts.Where(f => f.OpenAt(now)).ToList();
        var resolved = facts.Where(f => f.ResolvedAt is not null && period.Contains(f.ResolvedAt)).ToList();
        var rated = facts.Where(f => f.Rating is not null && period.Contains(f.RatedAt)).ToList();
        return new KpiTiles(
            open.Count,
            facts.Count(f => f.ReceivedAt >= todayStart && f.ReceivedAt <= now),
            open.Count(f => f.DueAt < now),
            open.Count(f => f.DueAt >= now && f.DueAt <= dueSoonLimit),
            resolved.Count,
            resolved.Count == 0 ? null : (double)resolved.Count(f => f.ResolvedAt <= f.DueAt) / resolved.Count,
            Median(facts.Where(f => period.Contains(f.ReceivedAt) && f.FirstActionAt is not null).Select(f => (f.FirstActionAt!.Value - f.ReceivedAt).TotalHours)),
            Median(resolved.Select(f => (f.ResolvedAt!.Value - f.ReceivedAt).TotalHours)),
            rated.Count == 0 ? null : (double)rated.Count(f => f.Rating is CitizenRating.Satisfied or CitizenRating.Acceptable) / rated.Count,
            rated.Count);
    }

    /// <summary>Per local day of the period: received, resolved, and open at the end of the day.</summary>
    public static IReadOnlyList<DailyPoint> Daily(IReadOnlyCollection<ReportFacts> facts, Period period)
    {
        var first = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.FromUtc));
        var last = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.ToUtc.AddTicks(-1)));
        var incoming = facts.GroupBy(f => LocalDay(f.ReceivedAt)).ToDictionary(g => g.Key, g => g.Count());
        var resolvedPerDay = facts.Where(f => f.ResolvedAt is not null).GroupBy(f => LocalDay(f.ResolvedAt!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var points = new List<DailyPoint>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var end = WorkingCalendar.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var openAtEnd = facts.Count(f => f.ReceivedAt < end && (f.FinishedAt is null || f.FinishedAt >= end));
            points.Add(new DailyPoint(day, incoming.GetValueOrDefault(day), resolvedPerDay.GetValueOrDefault(day), openAtEnd));
        }

        return points;
    }

    /// <summary>Open, overdue, resolved in period and on-time rate per group (category, area, unit, officer).</summary>
    public static IReadOnlyList<GroupRow> By(IReadOnlyCollection<ReportFacts> facts, Period period, DateTime now, Func<ReportFacts, string?> key, Func<string, string> label) =>
        facts.Where(f => key(f) is not null)
            .GroupBy(f => key(f)!)
            .Select(g =>
            {
                var resolved = g.Where(f => f.ResolvedAt is not null && period.Contains(f.ResolvedAt)).ToList();
                return new GroupRow(
                    g.Key,
                    label(g.Key),
                    g.Count(f => f.OpenAt(now)),
                    g.Count(f => f.OpenAt(now) && f.DueAt < now),
                    resolved.Count,
                    resolved.Count == 0 ? null : (double)resolved.Count(f => f.ResolvedAt <= f.DueAt) / resolved.Count);
            })
            .Where(r => r.Open > 0 || r.ResolvedInPeriod > 0)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open)
            .ToList();

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(WorkingCalendar.ToLocal(utc));
}
