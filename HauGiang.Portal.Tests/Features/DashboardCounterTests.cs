using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features;

/// <summary>
/// The dashboard's counters are kept by the two commit paths (intake's writer, ReportCommitter) in the change's own
/// transaction (decision 019): after a seeded random run of what officers and citizens do, they equal a rebuild from
/// the reports, row for row.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class DashboardCounterTests(DashboardCounterTests.App app) : IClassFixture<DashboardCounterTests.App>
{
    public sealed class App() : PortalApp(reports: 150);

    private enum Step { Intake, Accept, Assign, Reply, RateReopen, Transfer, Reject, Extend }

    [Fact]
    public async Task After_a_random_run_of_actions_the_counters_equal_a_rebuild_from_the_reports()
    {
        var random = new Random(20261206);
        var reports = app.Services.GetRequiredService<ReportActions>();
        var intake = app.Services.GetRequiredService<IntakeService>();
        var ratings = app.Services.GetRequiredService<CitizenRatingService>();
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        int clientId;
        List<(string Code, double Lat, double Lon)> places;
        List<int> units;
        await using (var db = app.CreateDbContext())
        {
            var client = new ApiClient { Name = "Counters test", KeyHash = "counters-test", KeyPrefix = "ct", CreatedAt = app.Now };
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            clientId = client.Id;
            var categories = await db.Categories.Where(c => c.IsActive).Select(c => c.Code).ToListAsync();
            var areas = await db.Areas.Select(a => new { a.CenterLatitude, a.CenterLongitude }).ToListAsync();
            places = [.. Enumerable.Range(0, 20).Select(_ => (categories[random.Next(categories.Count)], areas[random.Next(areas.Count)].CenterLatitude, areas[random.Next(areas.Count)].CenterLongitude))];
            units = await db.Units.Where(u => u.IsActive && u.Kind != UnitKind.Province).Select(u => u.Id).ToListAsync();
        }

        var done = Enum.GetValues<Step>().ToDictionary(s => s, _ => 0);
        for (var i = 0; i < 400; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(random.Next(5, 600)));
            var step = (Step)random.Next(Enum.GetValues<Step>().Length);
            if (step == Step.Intake)
            {
                var (code, lat, lon) = places[random.Next(places.Count)];
                var result = await intake.SubmitAsync(new IntakeRequest { CategoryCode = code, Description = $"Phản ánh thử số {i}: đèn đường hỏng.", Latitude = lat, Longitude = lon, ApiClientId = clientId }, CancellationToken.None);
                done[step] += result.Succeeded ? 1 : 0;
                continue;
            }

            var report = await PickAsync(random, step);
            if (report is null)
            {
                continue;
            }

            if (step == Step.RateReopen && report.ApiClientId == clientId)
            {
                done[step] += await ratings.RateAsync(report.Code, clientId, CitizenRating.NotSatisfied, "Chưa xử lý xong", CancellationToken.None) == RatingOutcome.Done ? 1 : 0;
                continue;
            }

            var actors = await ActorsAsync(report.UnitId, coordinator);
            var request = step switch
            {
                Step.Accept => new ActionRequest(ReportAction.Accept, report.Version),
                Step.Assign => new ActionRequest(ReportAction.Assign, report.Version) { OfficerId = actors[0].Id },
                Step.Reply => new ActionRequest(ReportAction.Reply, report.Version) { Text = "Đã xử lý xong." },
                Step.RateReopen => new ActionRequest(ReportAction.Reopen, report.Version) { Text = "Xử lý chưa đạt." },
                Step.Transfer => new ActionRequest(ReportAction.Transfer, report.Version) { UnitId = units.Where(u => u != report.UnitId).ElementAt(random.Next(units.Count - 1)), Text = "Không thuộc thẩm quyền." },
                Step.Reject => new ActionRequest(ReportAction.Reject, report.Version) { RejectReason = RejectReason.Duplicate, Text = "Trùng phản ánh." },
                _ => new ActionRequest(ReportAction.RequestExtension, report.Version) { ExtraWorkingDays = 2, Text = "Cần thêm thời gian." },
            };
            foreach (var actor in actors)
            {
                if ((await reports.ExecuteAsync(actor, report.Id, request)).Succeeded)
                {
                    done[step]++;
                    if (step == Step.Extend)
                    {
                        // The head approves: the deadline moves, and with it "resolved on time" later.
                        var version = (await app.ReloadAsync(report.Id)).Version;
                        foreach (var head in actors)
                        {
                            if ((await reports.ExecuteAsync(head, report.Id, new ActionRequest(ReportAction.ApproveExtension, version) { Flag = true })).Succeeded)
                            {
                                break;
                            }
                        }
                    }

                    break;
                }
            }
        }

        // Every kind of change happened, so the comparison below means something.
        Assert.All(done, d => Assert.True(d.Value > 0, $"{d.Key}: none done"));

        var kept = await CountersAsync();
        await using (var db = app.CreateDbContext())
        {
            await DashboardCounterStore.RebuildAsync(db, CancellationToken.None);
        }

        var rebuilt = await CountersAsync();
        Assert.True(rebuilt.Count > 0);
        Assert.Equal(rebuilt, kept);
    }

    [Fact]
    public async Task The_rebuild_command_puts_back_counters_that_drifted()
    {
        var before = await CountersAsync();
        await using (var db = app.CreateDbContext())
        {
            await db.DashboardCounters.Take(5).ExecuteUpdateAsync(s => s.SetProperty(c => c.Received, c => c.Received + 7));
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"DashboardCounters\" WHERE \"Resolved\" > 0 AND rowid IN (SELECT rowid FROM \"DashboardCounters\" LIMIT 3)");
        }

        Assert.NotEqual(before, await CountersAsync());
        var output = new StringWriter();

        Assert.Equal(0, await RebuildCountersCommand.RunAsync(app.Services, output));
        Assert.Equal(before, await CountersAsync());
        Assert.Contains("Dashboard counters rebuilt", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<Report?> PickAsync(Random random, Step step)
    {
        await using var db = app.CreateDbContext();
        var candidates = db.Reports.AsNoTracking().Where(r => !r.IsTest);
        candidates = step switch
        {
            Step.Accept or Step.Reject => candidates.Where(r => r.State == ReportState.New && r.UnitId != null),
            Step.Assign or Step.Reply or Step.Extend or Step.Transfer => candidates.Where(r => r.State == ReportState.InProgress),
            _ => candidates.Where(r => r.State == ReportState.Resolved && r.Rating == null),
        };
        var ids = await candidates.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();

        // Ratings mostly on the reports this run took in (only those carry its API client).
        if (step == Step.RateReopen && random.Next(3) > 0)
        {
            ids = await candidates.Where(r => r.ApiClientId != null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var id = ids[random.Next(ids.Count)];
        return await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Who may act on a report of the unit: its officers, its head, then the coordinator.</summary>
    private async Task<List<PortalUser>> ActorsAsync(int? unitId, PortalUser coordinator)
    {
        await using var db = app.CreateDbContext();
        var emails = await db.Users.Where(u => u.UnitId == unitId && u.UnitId != null).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
        var actors = new List<PortalUser>();
        foreach (var email in emails)
        {
            actors.Add(await app.UserAsync(email));
        }

        actors.Add(coordinator);
        return actors;
    }

    private async Task<List<(DashboardCounterGrain, DateOnly, int, int, int, string, int, int, int, int, int, int)>> CountersAsync()
    {
        await using var db = app.CreateDbContext();
        var rows = await db.DashboardCounters.AsNoTracking().ToListAsync();
        return [.. rows.Where(c => !c.IsZero)
            .Select(c => (c.Grain, c.Day, c.UnitId, c.CategoryId, c.AreaId, c.OfficerId, c.Received, c.Finished, c.Resolved, c.ResolvedOnTime, c.Rated, c.Satisfied))
            .Order()];
    }
}
