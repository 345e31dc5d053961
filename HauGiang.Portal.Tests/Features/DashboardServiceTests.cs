using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features;

/// <summary>
/// The live dashboard reads the kept counters and the open reports (FiguresFromCounters, decision 019);
/// <see cref="KpiCalculator"/> over every fact is the definition (KpiCalculatorTests). On the demo data in its SQLite
/// database (a mix of every state, reopened and rejected reports, ratings), both give the same figures for every
/// scope, period and filter the rule sends to the counters; the rule sends the rest to the reference.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class DashboardServiceTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("dieuphoi@haugiang.demo", 1, null)]
    [InlineData("dieuphoi@haugiang.demo", 7, null)]
    [InlineData("dieuphoi@haugiang.demo", 30, null)]
    [InlineData("dieuphoi@haugiang.demo", 90, null)]
    [InlineData("dieuphoi@haugiang.demo", 400, null)]
    [InlineData("dieuphoi@haugiang.demo", 30, "group")]
    [InlineData("truongphong.xaydung@haugiang.demo", 30, null)]
    [InlineData("lanhdao.vithanh@haugiang.demo", 90, null)]
    [InlineData("lanhdao.vithanh@haugiang.demo", 7, "group")]
    [InlineData("dieuphoi@haugiang.demo", 90, "area")]
    [InlineData("dieuphoi@haugiang.demo", 90, "unit")]
    [InlineData("dieuphoi@haugiang.demo", 90, "officer")]
    [InlineData("dieuphoi@haugiang.demo", 90, "officer+group")]
    [InlineData("lanhdao.vithanh@haugiang.demo", 30, "officer+area")]
    [InlineData("canbo.vithanh@haugiang.demo", 90, "mine")]
    public async Task The_counters_give_the_calculators_figures(string email, int days, string? filterBy)
    {
        // Each filter reads another grain of the counters (FiguresFromCounters.Grains): place, officer or detail.
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync(email);
        var filter = new ReportFilter();
        await using (var db = app.CreateDbContext())
        {
            var open = db.Reports.Where(r => !r.IsTest && r.State == ReportState.InProgress && (user.IsProvinceWide || r.UnitId == user.UnitId));
            var busiest = await open.Where(r => r.AssignedOfficerId != null).GroupBy(r => r.AssignedOfficerId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var busiestArea = await open.Where(r => r.AreaId != null).GroupBy(r => r.AreaId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var busiestUnit = await open.Where(r => r.UnitId != null).GroupBy(r => r.UnitId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var group = (await service.GroupsAsync(english: false))[0];
            var officersGroup = await open.Where(r => r.AssignedOfficerId == busiest).GroupBy(r => r.Category!.Group).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var officersArea = await open.Where(r => r.AssignedOfficerId == busiest && r.AreaId != null).GroupBy(r => r.AreaId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            filter = filterBy switch
            {
                null => filter,
                "group" => filter with { CategoryGroup = group },
                "area" => filter with { AreaId = busiestArea },
                "unit" => filter with { UnitId = busiestUnit },
                "officer" => filter with { AssigneeId = busiest },
                "officer+group" => filter with { AssigneeId = busiest, CategoryGroup = officersGroup },
                "officer+area" => filter with { AssigneeId = busiest, AreaId = officersArea },
                _ => filter with { AssignedToMe = true },
            };
        }

        var period = service.LastDays(days);

        AssertSame(await Both(service, user, filter, period));
    }

    /// <summary>The satisfaction tile opens the queue on the reports rated in the period: as many as the tile counts.</summary>
    [Theory]
    [InlineData("dieuphoi@haugiang.demo", 30)]
    [InlineData("lanhdao.vithanh@haugiang.demo", 90)]
    public async Task The_reports_rated_in_the_period_are_the_ones_the_satisfaction_tile_counts(string email, int days)
    {
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync(email);
        var period = service.LastDays(days);
        var tiles = (await service.GetAsync(user, new ReportFilter(), period, english: false)).Tiles;

        var from = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.FromUtc));
        var to = DateOnly.FromDateTime(WorkingCalendar.ToLocal(period.ToUtc));
        var counts = await app.Services.GetRequiredService<ReportQueryService>().GetCountsAsync(user, new ReportFilter { Tab = QueueTab.All, RatedFrom = from, RatedTo = to });

        Assert.True(tiles.Ratings > 0);
        Assert.Equal(tiles.Ratings, counts.All);
    }

    [Fact]
    public async Task A_period_that_ended_in_the_past_counts_the_backlog_with_what_was_finished_after_it()
    {
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync("dieuphoi@haugiang.demo");
        var today = DateOnly.FromDateTime(WorkingCalendar.ToLocal(app.Now));

        var period = service.Between(today.AddDays(-40), today.AddDays(-10));
        var (fast, reference) = await Both(service, user, new ReportFilter(), period, now: app.Now);

        Assert.Equal(31, fast.Daily.Count);
        Assert.Contains(fast.Daily, d => d.OpenAtEnd > 0);
        AssertSame((fast, reference));
    }

    /// <summary>
    /// The monthly report of a past month gives the backlog as it stood at the month's end: the reports received
    /// before it and not finished before it, overdue if their deadline had passed then — not today's open reports.
    /// </summary>
    [Fact]
    public async Task The_monthly_report_counts_open_and_overdue_at_the_end_of_the_month()
    {
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync("dieuphoi@haugiang.demo");
        var today = DateOnly.FromDateTime(WorkingCalendar.ToLocal(app.Now));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var period = service.Between(first, first.AddMonths(1).AddDays(-1));
        var end = period.ToUtc;

        var month = await service.GetAtEndAsync(user, new ReportFilter(), period, english: false);

        await using var db = app.CreateDbContext();
        var openAtEnd = await db.Reports
            .Where(r => r.ReceivedAt < end && (r.State == ReportState.New || r.State == ReportState.InProgress || (r.ResolvedAt ?? r.ClosedAt) >= end))
            .Select(r => new { r.AreaId, r.DueAt })
            .ToListAsync();
        var openNow = await db.Reports.CountAsync(r => r.State == ReportState.New || r.State == ReportState.InProgress);
        Assert.NotEqual(openNow, openAtEnd.Count);
        Assert.Equal(openAtEnd.Count, month.Tiles.Open);
        Assert.Equal(openAtEnd.Count(r => r.DueAt < end), month.Tiles.Overdue);
        Assert.Equal(openAtEnd.Count(r => r.AreaId != null), month.ByArea.Sum(r => r.Open));
        Assert.Equal(openAtEnd.Count(r => r.AreaId != null && r.DueAt < end), month.ByArea.Sum(r => r.Overdue));
        Assert.Equal(month.Daily[^1].OpenAtEnd, month.Tiles.Open);
        Assert.False(FiguresFromCounters.CanAnswer(new ReportFilter(), period, end, atPresent: false), "a past moment is the reference's");
    }

    [Fact]
    public async Task A_rating_given_in_the_period_counts_whatever_became_of_the_report()
    {
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync("dieuphoi@haugiang.demo");
        var period = service.LastDays(7);
        var (before, _) = await Both(service, user, new ReportFilter(), period);

        // Two reports received and resolved well before the period, unrated; each is now rated "not satisfied" in the
        // period: one reopened (open again, ResolvedAt cleared), one not reopened yet (still resolved, received and
        // resolved before the period: only its rating ties it to the period). Through the one commit path, as every change.
        var committer = app.Services.GetRequiredService<Portal.Features.Live.ReportCommitter>();
        await using (var db = app.CreateDbContext())
        {
            var old = await db.Reports
                .Where(r => r.State == ReportState.Resolved && r.Rating == null && r.ResolvedAt < period.FromUtc.AddDays(-3))
                .OrderBy(r => r.Id).Take(2).ToListAsync();
            Assert.Equal(2, old.Count);
            var ratedAt = period.FromUtc.AddHours(1);
            foreach (var r in old)
            {
                var change = Portal.Features.Live.ReportCommitter.Begin(r);
                r.Rating = CitizenRating.NotSatisfied;
                r.RatedAt = ratedAt;
                if (r == old[0])
                {
                    ReportHandling.Reopen(r, Actor.System, ratedAt.AddMinutes(5), period.ToUtc.AddDays(10), "Người dân không hài lòng");
                }

                r.Version++;
                await committer.CommitAsync(db, r, change, "rate", null, "test", ratedAt, CancellationToken.None);
            }
        }

        var (fast, reference) = await Both(service, user, new ReportFilter(), period);
        AssertSame((fast, reference));
        Assert.Equal(before.Tiles.Ratings + 2, reference.Tiles.Ratings);
        var satisfied = Math.Round(before.Tiles.SatisfactionRate!.Value * before.Tiles.Ratings);
        Assert.Equal(satisfied / (before.Tiles.Ratings + 2), reference.Tiles.SatisfactionRate!.Value, 9);
        Assert.Equal(before.Tiles.Open + 1, reference.Tiles.Open);
    }

    [Fact]
    public async Task A_text_search_takes_the_reference_path_by_rule()
    {
        var service = app.Services.GetRequiredService<DashboardService>();
        var user = await app.UserAsync("dieuphoi@haugiang.demo");
        var period = service.LastDays(30);
        var filter = new ReportFilter { Text = "rác" };

        Assert.False(FiguresFromCounters.CanAnswer(filter, period, period.ToUtc, atPresent: true));
        Assert.True(FiguresFromCounters.CanAnswer(new ReportFilter(), period, period.ToUtc, atPresent: true));
        var searched = await service.GetAsync(user, filter, period, english: false);
        var all = await service.GetAsync(user, new ReportFilter(), period, english: false);
        Assert.True(searched.Tiles.Open < all.Tiles.Open, "the search narrows the reports counted");
    }

    private static async Task<(DashboardData Fast, DashboardData Reference)> Both(DashboardService service, Security.PortalUser user, ReportFilter filter, Period period, DateTime? now = null)
    {
        var moment = now ?? period.ToUtc;
        var dueSoonLimit = moment.AddDays(1);

        // The app's clock stands still in tests: the moment is the present, and the rule must send these to the counters.
        Assert.True(FiguresFromCounters.CanAnswer(filter, period, moment, atPresent: true));
        return (
            await service.ComputeAsync(user, filter, period, moment, dueSoonLimit, atPresent: true, english: false, CancellationToken.None),
            await service.ComputeFromFactsAsync(user, filter, period, moment, dueSoonLimit, english: false, CancellationToken.None));
    }

    private static void AssertSame((DashboardData Fast, DashboardData Reference) both)
    {
        var (fast, reference) = both;
        Assert.True(reference.Tiles.Open > 0, "the demo data should make the comparison meaningful");
        Assert.Equal(reference.Tiles, fast.Tiles);
        Assert.Equal(reference.Daily, fast.Daily);
        Assert.Equal(Rows(reference.ByCategory), Rows(fast.ByCategory));
        Assert.Equal(Rows(reference.ByArea), Rows(fast.ByArea));
        Assert.Equal(Rows(reference.ByUnit), Rows(fast.ByUnit));
        Assert.Equal(Rows(reference.ByOfficer), Rows(fast.ByOfficer));
        Assert.Equal(reference.Oldest, fast.Oldest);

        Assert.Equal(Labels(reference.ByOfficer), Labels(fast.ByOfficer));

        // Rows that tie on (overdue, open) may come in another order.
        static List<(string, int, int, int, double?)> Rows(IEnumerable<GroupRow> rows) =>
            [.. rows.Select(r => (r.Key, r.Open, r.Overdue, r.ResolvedInPeriod, r.OnTimeRate)).OrderBy(r => r.Key, StringComparer.Ordinal)];
        static List<(string, string)> Labels(IEnumerable<GroupRow> rows) => [.. rows.Select(r => (r.Key, r.Label)).OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }
}
