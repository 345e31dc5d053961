using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// <see cref="KpiCalculator"/>'s figures from <see cref="DashboardFact"/>s, in one pass each instead of one count per
/// day and per group: the same definitions (KpiCalculator stays the reference; DashboardServiceTests compares both on
/// a real database), for the hundreds of thousands of facts a province-wide quarter holds.
/// </summary>
internal static class DashboardFigures
{
    /// <summary>As <see cref="KpiCalculator.Tiles"/>; the due-soon window was applied in SQL (<see cref="DashboardFact.DueSoon"/>).</summary>
    public static KpiTiles Tiles(List<DashboardFact> facts, Period period, DateTime now)
    {
        var todayStart = WorkingCalendar.FromLocal(WorkingCalendar.ToLocal(now).Date).Ticks;
        long from = period.FromUtc.Ticks, to = period.ToUtc.Ticks, nowTicks = now.Ticks;
        int open = 0, newToday = 0, overdue = 0, dueSoon = 0, resolved = 0, onTime = 0, rated = 0, satisfied = 0;
        var firstAction = new List<double>();
        var resolution = new List<double>();
        foreach (var f in CollectionsMarshalSpan(facts))
        {
            if (f.OpenAt(nowTicks))
            {
                open++;
                overdue += f.Overdue ? 1 : 0;
                dueSoon += f.DueSoon ? 1 : 0;
            }

            if (f.ReceivedAt >= todayStart && f.ReceivedAt <= nowTicks)
            {
                newToday++;
            }

            if (f.ReceivedAt >= from && f.ReceivedAt < to && f.FirstActionAt is { } action)
            {
                firstAction.Add(new TimeSpan(action - f.ReceivedAt).TotalHours);
            }

            if (f.ResolvedAt is { } r && r >= from && r < to)
            {
                resolved++;
                onTime += f.ResolvedOnTime ? 1 : 0;
                resolution.Add(new TimeSpan(r - f.ReceivedAt).TotalHours);
            }

            if (f.Rating is { } rating && f.RatedAt is { } ratedAt && ratedAt >= from && ratedAt < to)
            {
                rated++;
                satisfied += rating is CitizenRating.Satisfied or CitizenRating.Acceptable ? 1 : 0;
            }
        }

        return new KpiTiles(
            open,
            newToday,
            overdue,
            dueSoon,
            resolved,
            resolved == 0 ? null : (double)onTime / resolved,
            Median(firstAction),
            Median(resolution),
            rated == 0 ? null : (double)satisfied / rated,
            rated);
    }

    /// <summary>
    /// Per local day: received, resolved, open at the end. Each fact adds one to the backlog of the days that end
    /// after it was received and not after it was finished (a difference array over the day ends), rather than counting
    /// every fact again for every day. Null if the local days are not plain UTC ranges (then the caller uses the
    /// reference).
    /// </summary>
    public static IReadOnlyList<DailyPoint>? Daily(List<DashboardFact> facts, Period period)
    {
        var first = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.FromUtc));
        var last = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.ToUtc.AddTicks(-1)));
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(day);
        }

        // starts[i] = the first tick of days[i]; starts[^1] = the end of the last day.
        var starts = new long[days.Count + 1];
        for (var i = 0; i <= days.Count; i++)
        {
            var day = first.AddDays(i);
            var start = WorkingCalendar.FromLocal(day.ToDateTime(TimeOnly.MinValue));
            if (LocalDay(start) != day || LocalDay(start.AddTicks(-1)) != day.AddDays(-1))
            {
                return null;
            }

            starts[i] = start.Ticks;
        }

        var incoming = new int[days.Count];
        var resolved = new int[days.Count];
        var backlogDelta = new int[days.Count + 1];
        foreach (var f in CollectionsMarshalSpan(facts))
        {
            if (DayIndex(starts, f.ReceivedAt) is { } received)
            {
                incoming[received]++;
            }

            if (f.ResolvedAt is { } r && DayIndex(starts, r) is { } resolvedOn)
            {
                resolved[resolvedOn]++;
            }

            // Day i counts the fact when ReceivedAt < end(i) and (open or FinishedAt >= end(i)); end(i) = starts[i + 1].
            var firstCounted = FirstEndAfter(starts, f.ReceivedAt);
            var firstNotCounted = f.FinishedAt is { } finished ? FirstEndAfter(starts, finished) : days.Count;
            if (firstCounted < firstNotCounted)
            {
                backlogDelta[firstCounted]++;
                backlogDelta[firstNotCounted]--;
            }
        }

        var points = new List<DailyPoint>(days.Count);
        var backlog = 0;
        for (var i = 0; i < days.Count; i++)
        {
            backlog += backlogDelta[i];
            points.Add(new DailyPoint(days[i], incoming[i], resolved[i], backlog));
        }

        return points;
    }

    /// <summary>As <see cref="KpiCalculator.By"/> with the id's invariant text as the key, counting each group in one pass.</summary>
    public static IReadOnlyList<GroupRow> By(List<DashboardFact> facts, Period period, DateTime now, Func<DashboardFact, int?> id, Func<string, string> label) =>
        By(facts, period, now, f => id(f) is { } v ? (true, v) : (false, 0), k => k.ToString(System.Globalization.CultureInfo.InvariantCulture), label);

    /// <summary>As <see cref="KpiCalculator.By"/>, counting each group in one pass.</summary>
    public static IReadOnlyList<GroupRow> By(List<DashboardFact> facts, Period period, DateTime now, Func<DashboardFact, string?> key, Func<string, string> label) =>
        By(facts, period, now, f => key(f) is { } k ? (true, k) : (false, ""), k => k, label);

    // Grouped on the raw key, so that an id becomes text once per group rather than once per report.
    private static List<GroupRow> By<TKey>(List<DashboardFact> facts, Period period, DateTime now, Func<DashboardFact, (bool Present, TKey Key)> key, Func<TKey, string> text, Func<string, string> label)
        where TKey : notnull
    {
        long from = period.FromUtc.Ticks, to = period.ToUtc.Ticks, nowTicks = now.Ticks;

        // A Dictionary enumerates in insertion order (no removals): groups come in order of first appearance, as GroupBy's.
        var groups = new Dictionary<TKey, int[]>();
        foreach (var f in CollectionsMarshalSpan(facts))
        {
            var (present, k) = key(f);
            if (!present)
            {
                continue;
            }

            if (!groups.TryGetValue(k, out var c))
            {
                groups[k] = c = new int[4];
            }

            if (f.OpenAt(nowTicks))
            {
                c[0]++;
                c[1] += f.Overdue ? 1 : 0;
            }

            if (f.ResolvedAt is { } r && r >= from && r < to)
            {
                c[2]++;
                c[3] += f.ResolvedOnTime ? 1 : 0;
            }
        }

        return groups
            .Select(g => (Key: text(g.Key), Counts: g.Value))
            .Select(g => new GroupRow(g.Key, label(g.Key), g.Counts[0], g.Counts[1], g.Counts[2], g.Counts[2] == 0 ? null : (double)g.Counts[3] / g.Counts[2]))
            .Where(r => r.Open > 0 || r.ResolvedInPeriod > 0)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open)
            .ToList();
    }

    /// <summary>As <see cref="KpiCalculator.Median"/>, sorting in place (a quarter holds ~250,000 values).</summary>
    private static double? Median(List<double> values)
    {
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        if (sorted.IsEmpty)
        {
            return null;
        }

        sorted.Sort();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static ReadOnlySpan<DashboardFact> CollectionsMarshalSpan(List<DashboardFact> facts) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts);

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(WorkingCalendar.ToLocal(utc));

    /// <summary>The day whose [start, next start) holds the tick, if any.</summary>
    private static int? DayIndex(long[] starts, long ticks)
    {
        if (ticks < starts[0] || ticks >= starts[^1])
        {
            return null;
        }

        return FirstEndAfter(starts, ticks);
    }

    /// <summary>The first day index i whose end (starts[i + 1]) is later than the tick; the day count if none.</summary>
    private static int FirstEndAfter(long[] starts, long ticks)
    {
        // Smallest j in 1..n with starts[j] > ticks, as the day index j - 1.
        int lo = 1, hi = starts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (starts[mid] > ticks)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo - 1;
    }
}
