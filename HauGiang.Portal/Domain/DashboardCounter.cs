namespace HauGiang.Portal.Domain;

/// <summary>
/// The dashboard's counts for one local day (Asia/Ho_Chi_Minh, as the figures define days) of one unit × category ×
/// area × officer, kept as reports change (<see cref="DashboardTally"/>; decision 019). Each count is over the
/// reports' <em>current</em> times and places, as <c>KpiCalculator</c> defines the figures: a report reopened leaves
/// the "resolved" count of the day it had been resolved on; a report transferred moves to the other unit's rows.
/// "None" is stored as 0 (unit: with the coordinators; area: outside every area) and "" (officer: unassigned), so the
/// grain and the five together are the key. The same counts are kept at three grains (<see cref="DashboardCounterGrain"/>):
/// with the officer in the key a 90-day province view reads ~150,000 rows at 1,000,000 reports, without it ~60,000,
/// and the officer table alone ~11,000.
/// </summary>
public sealed class DashboardCounter
{
    public DashboardCounterGrain Grain { get; set; }

    public DateOnly Day { get; set; }

    public int UnitId { get; set; }

    public int CategoryId { get; set; }

    public int AreaId { get; set; }

    public string OfficerId { get; set; } = "";

    /// <summary>Reports received on the day.</summary>
    public int Received { get; set; }

    /// <summary>Reports that stopped being open on the day (resolved, closed or rejected): the backlog trend.</summary>
    public int Finished { get; set; }

    /// <summary>Reports resolved on the day.</summary>
    public int Resolved { get; set; }

    /// <summary>Of those, resolved at or before their deadline.</summary>
    public int ResolvedOnTime { get; set; }

    /// <summary>Ratings given on the day.</summary>
    public int Rated { get; set; }

    /// <summary>Of those, "hài lòng" or "chấp nhận".</summary>
    public int Satisfied { get; set; }

    public bool IsZero => Received == 0 && Finished == 0 && Resolved == 0 && ResolvedOnTime == 0 && Rated == 0 && Satisfied == 0;
}
