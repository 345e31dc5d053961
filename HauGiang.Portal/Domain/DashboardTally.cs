namespace HauGiang.Portal.Domain;

/// <summary>
/// What one report adds to the dashboard's counters, from its current fields alone, so that a change is counted as
/// "what it adds now" minus "what it added before" (<see cref="Difference"/>) and a rebuild is the sum over every
/// report (<see cref="Sum"/>). The same definitions as KpiCalculator (docs/decisions/004-kpis.md): received on the local day of
/// ReceivedAt; finished on the local day it stopped being open (ResolvedAt, else ClosedAt, else ReceivedAt);
/// resolved (and on time: ResolvedAt ≤ DueAt) on the day of ResolvedAt; rated (and satisfied) on the day of RatedAt.
/// A sandbox client's report counts nowhere (no scope sees it). Each count is given at every grain
/// (<see cref="DashboardCounterGrain"/>): the detail row and its two roll-ups.
/// </summary>
public static class DashboardTally
{
    public static IReadOnlyList<DashboardCounter> Of(Report r) =>
        Of(r.IsTest, r.UnitId, r.CategoryId, r.AreaId, r.AssignedOfficerId, r.State, r.ReceivedAt, r.DueAt, r.ResolvedAt, r.ClosedAt, r.Rating, r.RatedAt);

    public static IReadOnlyList<DashboardCounter> Of(
        bool isTest, int? unitId, int categoryId, int? areaId, string? officerId, ReportState state, DateTime receivedAt, DateTime dueAt,
        DateTime? resolvedAt, DateTime? closedAt, CitizenRating? rating, DateTime? ratedAt)
    {
        if (isTest)
        {
            return [];
        }

        var rows = new List<DashboardCounter>(4);
        DashboardCounter On(DateTime utc)
        {
            var day = DateOnly.FromDateTime(WorkingCalendar.ToLocal(utc));
            var row = rows.Find(c => c.Day == day);
            if (row is null)
            {
                rows.Add(row = new DashboardCounter { Day = day, UnitId = unitId ?? 0, CategoryId = categoryId, AreaId = areaId ?? 0, OfficerId = officerId ?? "" });
            }

            return row;
        }

        On(receivedAt).Received++;
        if (state is not (ReportState.New or ReportState.InProgress))
        {
            On(resolvedAt ?? closedAt ?? receivedAt).Finished++;
        }

        if (resolvedAt is { } resolved)
        {
            var row = On(resolved);
            row.Resolved++;
            row.ResolvedOnTime += resolved <= dueAt ? 1 : 0;
        }

        if (rating is { } given && ratedAt is { } rated)
        {
            var row = On(rated);
            row.Rated++;
            row.Satisfied += given is CitizenRating.Satisfied or CitizenRating.Acceptable ? 1 : 0;
        }

        return [.. rows, .. rows.Select(r => RolledUp(r, DashboardCounterGrain.Place)), .. rows.Select(r => RolledUp(r, DashboardCounterGrain.Officer))];
    }

    /// <summary>The detail row at a coarser grain: the dimensions it drops set to their "none" value.</summary>
    private static DashboardCounter RolledUp(DashboardCounter r, DashboardCounterGrain grain) => Copy(
        r,
        grain,
        grain == DashboardCounterGrain.Officer ? 0 : r.CategoryId,
        grain == DashboardCounterGrain.Officer ? 0 : r.AreaId,
        grain == DashboardCounterGrain.Place ? "" : r.OfficerId,
        sign: 1);

    /// <summary>after − before, per key, without the keys that did not move.</summary>
    public static IReadOnlyList<DashboardCounter> Difference(IEnumerable<DashboardCounter> before, IEnumerable<DashboardCounter> after) =>
        Sum(after.Concat(before.Select(Negated)));

    /// <summary>The rows added up per key, without the keys that add up to nothing.</summary>
    public static IReadOnlyList<DashboardCounter> Sum(IEnumerable<DashboardCounter> rows)
    {
        var sums = new Dictionary<(DashboardCounterGrain, DateOnly, int, int, int, string), DashboardCounter>();
        foreach (var r in rows)
        {
            Add(sums, r);
        }

        return [.. sums.Values.Where(s => !s.IsZero)];
    }

    /// <summary>As <see cref="Sum(IEnumerable{DashboardCounter})"/>, for rows read as a stream (a rebuild over every report).</summary>
    public static async Task<IReadOnlyList<DashboardCounter>> SumAsync(IAsyncEnumerable<IReadOnlyList<DashboardCounter>> rows, CancellationToken ct)
    {
        var sums = new Dictionary<(DashboardCounterGrain, DateOnly, int, int, int, string), DashboardCounter>();
        await foreach (var some in rows.WithCancellation(ct))
        {
            foreach (var r in some)
            {
                Add(sums, r);
            }
        }

        return [.. sums.Values.Where(s => !s.IsZero)];
    }

    private static void Add(Dictionary<(DashboardCounterGrain, DateOnly, int, int, int, string), DashboardCounter> sums, DashboardCounter r)
    {
        var key = (r.Grain, r.Day, r.UnitId, r.CategoryId, r.AreaId, r.OfficerId);
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new DashboardCounter { Grain = r.Grain, Day = r.Day, UnitId = r.UnitId, CategoryId = r.CategoryId, AreaId = r.AreaId, OfficerId = r.OfficerId };
        }

        sum.Received += r.Received;
        sum.Finished += r.Finished;
        sum.Resolved += r.Resolved;
        sum.ResolvedOnTime += r.ResolvedOnTime;
        sum.Rated += r.Rated;
        sum.Satisfied += r.Satisfied;
    }

    private static DashboardCounter Negated(DashboardCounter c) => Copy(c, c.Grain, c.CategoryId, c.AreaId, c.OfficerId, sign: -1);

    /// <summary>The counts of <paramref name="c"/> times <paramref name="sign"/>, under the key given.</summary>
    private static DashboardCounter Copy(DashboardCounter c, DashboardCounterGrain grain, int categoryId, int areaId, string officerId, int sign) => new()
    {
        Grain = grain,
        Day = c.Day,
        UnitId = c.UnitId,
        CategoryId = categoryId,
        AreaId = areaId,
        OfficerId = officerId,
        Received = sign * c.Received,
        Finished = sign * c.Finished,
        Resolved = sign * c.Resolved,
        ResolvedOnTime = sign * c.ResolvedOnTime,
        Rated = sign * c.Rated,
        Satisfied = sign * c.Satisfied,
    };
}
