using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features;

/// <summary>Every dashboard figure on a hand-built dataset whose answers are worked out by hand.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class KpiCalculatorTests
{
    // "Now" is Wed 18/11/2026 10:00 local (03:00 UTC); the period is 1/11–18/11 (local).
    private static readonly DateTime Now = Utc(2026, 11, 18, 10);
    private static readonly Period Period = new(Utc(2026, 11, 1, 0), Now);
    private static readonly DateTime DueSoonLimit = Utc(2026, 11, 19, 10); // one working day ahead

    private static DateTime Utc(int y, int m, int d, int hLocal) => new DateTime(y, m, d, hLocal, 0, 0, DateTimeKind.Utc).AddHours(-7);

    private static ReportFacts F(long id, ReportState state, DateTime received, DateTime due, DateTime? first = null, DateTime? resolved = null, DateTime? closed = null, CitizenRating? rating = null, DateTime? rated = null, int cat = 1, int? area = 10, string? officer = null) =>
        new(id, "HG-" + id, cat, area, 5, officer, state, received, due, first, resolved, closed, rating, rated);

    private static readonly ReportFacts[] Facts =
    [
        // 1: open, new today, not yet looked at, due in 3 days
        F(1, ReportState.New, Utc(2026, 11, 18, 8), Utc(2026, 11, 21, 17)),
        // 2: open, overdue (due 16/11), first action after 2 h
        F(2, ReportState.InProgress, Utc(2026, 11, 10, 9), Utc(2026, 11, 16, 17), first: Utc(2026, 11, 10, 11), officer: "an"),
        // 3: open, due soon (19/11 09:00 < limit), first action after 4 h
        F(3, ReportState.InProgress, Utc(2026, 11, 14, 9), Utc(2026, 11, 19, 9), first: Utc(2026, 11, 14, 13), officer: "an"),
        // 4: resolved on time in period (24 h), rated satisfied in period; first action after 1 h
        F(4, ReportState.Resolved, Utc(2026, 11, 3, 8), Utc(2026, 11, 6, 17), first: Utc(2026, 11, 3, 9), resolved: Utc(2026, 11, 4, 8), rating: CitizenRating.Satisfied, rated: Utc(2026, 11, 4, 20), cat: 2, officer: "mai"),
        // 5: resolved late in period (72 h, due after 48 h), closed, rated not satisfied in period; first action after 6 h
        F(5, ReportState.Closed, Utc(2026, 11, 5, 8), Utc(2026, 11, 7, 8), first: Utc(2026, 11, 5, 14), resolved: Utc(2026, 11, 8, 8), closed: Utc(2026, 11, 9, 8), rating: CitizenRating.NotSatisfied, rated: Utc(2026, 11, 9, 7), cat: 2),
        // 6: reopened: was resolved, now in progress again (ResolvedAt cleared) → open, not resolved; first action after 3 h
        F(6, ReportState.InProgress, Utc(2026, 11, 2, 8), Utc(2026, 11, 25, 17), first: Utc(2026, 11, 2, 11)),
        // 7: rejected in period: not resolved, not open
        F(7, ReportState.Rejected, Utc(2026, 11, 12, 8), Utc(2026, 11, 15, 17), first: Utc(2026, 11, 12, 9), closed: Utc(2026, 11, 12, 9)),
        // 8: received before the period, resolved in it on time (exactly at the deadline counts as on time)
        F(8, ReportState.Resolved, Utc(2026, 10, 28, 8), Utc(2026, 11, 2, 17), first: Utc(2026, 10, 28, 9), resolved: Utc(2026, 11, 2, 17), rating: CitizenRating.Acceptable, rated: Utc(2026, 11, 3, 9)),
        // 9: resolved and rated before the period: counts nowhere in the period's figures
        F(9, ReportState.Resolved, Utc(2026, 10, 20, 8), Utc(2026, 10, 23, 17), first: Utc(2026, 10, 20, 9), resolved: Utc(2026, 10, 21, 8), rating: CitizenRating.Satisfied, rated: Utc(2026, 10, 22, 8)),
        // 10: resolved before the period, rated not satisfied in it, so reopened (ResolvedAt cleared, rating kept) and
        // open now, due 20/11: open (not overdue, not due soon), not resolved in the period, but its rating counts
        F(10, ReportState.InProgress, Utc(2026, 10, 26, 8), Utc(2026, 11, 20, 17), first: Utc(2026, 10, 26, 9), rating: CitizenRating.NotSatisfied, rated: Utc(2026, 11, 6, 8), cat: 3, area: 11),
    ];

    [Fact]
    public void Tiles_match_the_hand_computed_answers()
    {
        var t = KpiCalculator.Tiles(Facts, Period, Now, DueSoonLimit);

        Assert.Equal(5, t.Open);              // 1, 2, 3, 6, 10
        Assert.Equal(1, t.NewToday);          // 1
        Assert.Equal(1, t.Overdue);           // 2
        Assert.Equal(1, t.DueSoon);           // 3
        Assert.Equal(3, t.ResolvedInPeriod);  // 4, 5, 8
        Assert.Equal(2.0 / 3, t.OnTimeRate!.Value, 6);   // 4 and 8 on time, 5 late
        // first actions of reports received in the period: 2→2 h, 3→4 h, 4→1 h, 5→6 h, 6→3 h, 7→1 h (1 has none) → median of [1,1,2,3,4,6] = 2.5
        Assert.Equal(2.5, t.MedianHoursToFirstAction!.Value, 6);
        // resolution times of 4, 5, 8: 24 h, 72 h, 129 h (28/10 08:00 → 2/11 17:00) → median 72
        Assert.Equal(72, t.MedianHoursToResolution!.Value, 6);
        // ratings given in the period, whatever the report's state now: 4 satisfied, 5 not satisfied, 8 acceptable, and
        // 10 not satisfied (reopened, open again: not resolved in the period, yet its rating counts); 9 was rated before
        Assert.Equal(4, t.Ratings);
        Assert.Equal(2.0 / 4, t.SatisfactionRate!.Value, 6); // satisfied + acceptable of 4 (2/3 if 10 dropped out)
    }

    [Fact]
    public void Daily_points_count_incoming_resolved_and_the_backlog_at_the_end_of_each_day()
    {
        var days = KpiCalculator.Daily(Facts, Period).ToDictionary(p => p.Day);
        Assert.Equal(18, days.Count);                                     // 1/11 … 18/11
        Assert.Equal((1, 0), (days[new(2026, 11, 3)].Incoming, days[new(2026, 11, 3)].Resolved));
        Assert.Equal((0, 1), (days[new(2026, 11, 8)].Incoming, days[new(2026, 11, 8)].Resolved));
        // End of 2/11: 8 was resolved at 17:00 that day (gone); 6 received that day and 10 (reopened, so open since
        // its receipt as far as its facts tell) are open → 2.
        Assert.Equal(2, days[new(2026, 11, 2)].OpenAtEnd);
        // End of 12/11: 6, 2, 10 open; 7 rejected the same day (gone); 4, 5 finished earlier → 3.
        Assert.Equal(3, days[new(2026, 11, 12)].OpenAtEnd);
    }

    [Fact]
    public void Groups_count_open_overdue_resolved_and_on_time_per_key()
    {
        var byCategory = KpiCalculator.By(Facts, Period, Now, f => f.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), k => "cat " + k).ToDictionary(r => r.Key);
        Assert.Equal((4, 1, 1, 1.0), (byCategory["1"].Open, byCategory["1"].Overdue, byCategory["1"].ResolvedInPeriod, byCategory["1"].OnTimeRate!.Value));
        Assert.Equal((0, 0, 2, 0.5), (byCategory["2"].Open, byCategory["2"].Overdue, byCategory["2"].ResolvedInPeriod, byCategory["2"].OnTimeRate!.Value));

        var byOfficer = KpiCalculator.By(Facts, Period, Now, f => f.AssigneeId, k => k).ToDictionary(r => r.Key);
        Assert.Equal((2, 1), (byOfficer["an"].Open, byOfficer["an"].Overdue));
        Assert.Equal(1, byOfficer["mai"].ResolvedInPeriod);
    }

    /// <summary>The monthly report takes open and overdue at the period's end rather than now.</summary>
    [Fact]
    public void Open_and_overdue_can_be_taken_at_an_earlier_moment()
    {
        // End of 17/11 (local midnight): 1 is not received yet; 2 (due 16/11, overdue), 3, 6 and 10 are open.
        var moment = Utc(2026, 11, 18, 0);
        var t = KpiCalculator.Tiles(Facts, Period, moment, DueSoonLimit);
        Assert.Equal((4, 1), (t.Open, t.Overdue));
        var byCategory = KpiCalculator.By(Facts, Period, moment, f => f.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), k => k).ToDictionary(r => r.Key);
        Assert.Equal((3, 1), (byCategory["1"].Open, byCategory["1"].Overdue)); // 2, 3, 6
        Assert.Equal(KpiCalculator.Daily(Facts, Period).Single(d => d.Day == new DateOnly(2026, 11, 17)).OpenAtEnd, t.Open);
    }

    /// <summary>A finished report should carry the time it finished; one that does not (imported data) is never open.</summary>
    [Fact]
    public void A_finished_report_without_a_finishing_time_never_counts_as_open()
    {
        ReportFacts[] facts = [F(11, ReportState.Rejected, Utc(2026, 11, 13, 8), Utc(2026, 11, 16, 17), first: Utc(2026, 11, 13, 9))];

        Assert.Equal(0, KpiCalculator.Tiles(facts, Period, Now, DueSoonLimit).Open);
        Assert.Equal(0, KpiCalculator.Tiles(facts, Period, Utc(2026, 11, 15, 0), DueSoonLimit).Open);
        Assert.All(KpiCalculator.Daily(facts, Period), d => Assert.Equal(0, d.OpenAtEnd));
    }

    [Theory]
    [InlineData(new double[] { }, null)]
    [InlineData(new double[] { 5 }, 5.0)]
    [InlineData(new double[] { 3, 1, 2 }, 2.0)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median(double[] values, double? expected) => Assert.Equal(expected, KpiCalculator.Median(values));
}
