using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Data;

/// <summary>The demo seed is what a demo shows: it must be as consistent as real use would leave the data.</summary>
[Trait(Tier.Key, Tier.App)]
public class DemoSeedTests(FullDemoApp app) : IClassFixture<FullDemoApp>
{
    [Fact]
    public async Task It_has_the_28_areas_with_their_units_and_the_departments()
    {
        await using var db = app.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().ToListAsync();
        Assert.Equal(28, areas.Count);
        Assert.Equal(7, areas.Count(a => a.Kind == AreaKind.Ward));
        Assert.Contains(areas, a => a.Code == "31321" && a.Name == "Phường Vị Thanh");
        Assert.All(areas, a => Assert.True(a.CenterIsApproximate));

        var units = await db.Units.AsNoTracking().ToListAsync();
        Assert.Equal(28, units.Count(u => u.AreaId != null));
        Assert.Equal(7, units.Count(u => u.Kind == UnitKind.Department));
        Assert.Single(units, u => u.Kind == UnitKind.Province);
        Assert.True(await db.Categories.CountAsync() >= 15);
    }

    [Fact]
    public async Task It_has_about_2000_reports_over_90_days_in_every_state_some_overdue_some_due_soon()
    {
        await using var db = app.CreateDbContext();
        var reports = await db.Reports.AsNoTracking().ToListAsync();
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync());
        var now = app.Now;

        Assert.Equal(2000, reports.Count);
        Assert.All(reports, r => Assert.InRange(r.ReceivedAt, now.AddDays(-91), now));
        foreach (var state in Enum.GetValues<ReportState>())
        {
            Assert.True(reports.Count(r => r.State == state) >= 10, $"too few reports in state {state}");
        }

        var open = reports.Where(r => r.IsOpen).ToList();
        Assert.True(open.Count(r => calendar.IsOverdue(r.DueAt, now)) >= 10, "some open reports should be overdue");
        Assert.True(open.Count(r => calendar.IsDueSoon(r.DueAt, now)) >= 5, "some open reports should be due soon");
        Assert.True(open.Exists(r => r.ExtensionPending), "some extension requests should wait for a head");
        Assert.Equal(reports.Count, reports.Select(r => r.Code).Distinct().Count());
        Assert.All(reports, r => Assert.Matches(@"^HG-20\d\d-\d{6}$", r.Code));
    }

    /// <summary>
    /// The demo looks alive on any day: staff act in office hours, so on a Saturday and on the first working
    /// morning after Tết the reports that came in meanwhile wait as new, and nobody acted on a day off.
    /// </summary>
    [Theory]
    [InlineData("2026-11-21T03:00:00Z")] // Saturday 21/11/2026 10:00
    [InlineData("2026-02-23T01:15:00Z")] // Monday 23/02/2026 08:15, the first working day after the Tết break (14–22/02)
    public async Task On_a_day_off_and_after_Tet_new_reports_wait_and_staff_acted_only_on_working_days(string moment)
    {
        using var demo = new DemoAppAt(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture));
        await using var db = demo.CreateDbContext();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Events).ToListAsync();
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync());
        var now = demo.Now;

        Assert.True(reports.Count(r => r.State == ReportState.New) >= 20, "the reports of the days off should wait as new");
        Assert.True(reports.Count(r => r.IsOpen && calendar.IsOverdue(r.DueAt, now)) >= 10, "some open reports should be overdue");
        var staffEvents = reports.SelectMany(r => r.Events).Where(e => e.ActorId is not null).ToList();
        Assert.NotEmpty(staffEvents);
        Assert.All(staffEvents, e => Assert.True(calendar.IsWorkingDay(DateOnly.FromDateTime(WorkingCalendar.ToLocal(e.At))), $"{e.Type} at {e.At:u} is on a day off"));
    }

    [Fact]
    public async Task Every_report_was_routed_by_the_rules_and_its_timeline_replays_to_its_state_and_unit()
    {
        await using var db = app.CreateDbContext();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Events).ToListAsync();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync();
        var wardOfArea = await db.Units.AsNoTracking().Where(u => u.AreaId != null).ToDictionaryAsync(u => u.AreaId!.Value, u => u.Id);

        foreach (var r in reports)
        {
            var events = r.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            var first = events[0];
            Assert.Equal(ReportEventType.Received, first.Type);
            Assert.Equal(r.ReceivedAt, first.At);

            // Intake put it where the routing rules say.
            var expected = Router.Route(categories[r.CategoryId], r.AreaId, rules, r.AreaId is { } a ? wardOfArea.GetValueOrDefault(a) : null);
            Assert.Equal(expected.UnitId, first.ToUnitId);

            // Each event starts where the previous one ended; the last one ends where the report is.
            ReportState state = ReportState.New;
            var unit = first.ToUnitId;
            foreach (var e in events.Skip(1))
            {
                Assert.True(e.FromState == state, $"{r.Code}: {e.Type} starts from {e.FromState}, the report was {state}");
                Assert.True(e.FromUnitId == unit, $"{r.Code}: {e.Type} starts at unit {e.FromUnitId}, the report was at {unit}");
                state = e.ToState!.Value;
                unit = e.ToUnitId;
                Assert.InRange(e.At, r.ReceivedAt, app.Now);
            }

            Assert.Equal(r.State, state);
            Assert.Equal(r.UnitId, unit);
            Assert.Equal(r.State == ReportState.Resolved || r.State == ReportState.Closed, r.ResolvedAt is not null);
        }
    }

    [Fact]
    public async Task Demo_accounts_exist_with_their_roles_and_units()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = app.CreateDbContext();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);

        foreach (var (email, role, unitName) in new[]
        {
            ("admin@haugiang.demo", Roles.Admin, "UBND thành phố Cần Thơ"),
            ("dieuphoi@haugiang.demo", Roles.Coordinator, "UBND thành phố Cần Thơ"),
            ("truongphong.xaydung@haugiang.demo", Roles.DepartmentHead, "Sở Xây dựng (trật tự đô thị, hạ tầng)"),
            ("canbo.vithanh@haugiang.demo", Roles.Officer, "UBND Phường Vị Thanh"),
            ("canbo.ngabay@haugiang.demo", Roles.Officer, "UBND Phường Ngã Bảy"),
        })
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, role), $"{email} should be {role}");
            Assert.Equal(unitName, units[user.UnitId!.Value]);
            Assert.True(await users.CheckPasswordAsync(user, PortalApp.Password));
        }
    }

    [Fact]
    public async Task Contacts_are_kept_apart_and_exist_for_most_reports()
    {
        await using var db = app.CreateDbContext();
        var contacts = await db.ReporterContacts.CountAsync();
        Assert.InRange(contacts, 1000, 1800);
    }
}
