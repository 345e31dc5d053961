using System.Net;
using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>Routing at intake over the 28 wards and communes, and the intake service's own promises (codes, deadline, timeline).</summary>
[Trait(Tier.Key, Tier.App)]
public class IntakeRoutingTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private IntakeService Intake => app.Services.GetRequiredService<IntakeService>();

    [Fact]
    public async Task Each_area_centre_routes_to_its_own_ward_for_ward_categories_and_to_the_department_for_department_ones()
    {
        await using var db = app.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync();
        var units = await db.Units.AsNoTracking().ToListAsync();
        var construction = units.Single(u => u.Code == "SO-XD").Id;
        Assert.Equal(28, areas.Count);

        var router = app.Services.GetRequiredService<IntakeRouter>();
        var rubbish = await Intake.FindCategoryAsync("rac-thai", default);
        var road = await Intake.FindCategoryAsync("duong-hu-hong", default);
        var flood = await Intake.FindCategoryAsync("ngap-nuoc", default);
        foreach (var area in areas)
        {
            var ward = units.Single(u => u.AreaId == area.Id).Id;

            var r = await router.RouteAsync(rubbish!, area.CenterLatitude, area.CenterLongitude, default);
            Assert.False(r.OutsideServiceArea);
            Assert.Equal(area.Id, r.Area!.Id);
            Assert.Equal((ward, RoutingReason.WardDefault), (r.UnitId!.Value, r.Reason));

            r = await router.RouteAsync(road!, area.CenterLatitude, area.CenterLongitude, default);
            Assert.Equal((construction, RoutingReason.CategoryDefault), (r.UnitId!.Value, r.Reason));

            // The seeded rules: in the 7 phường, flooding is the ward's own job; in the 21 xã it is the department's.
            r = await router.RouteAsync(flood!, area.CenterLatitude, area.CenterLongitude, default);
            Assert.Equal(area.Kind == AreaKind.Ward ? (ward, RoutingReason.Rule) : (construction, RoutingReason.CategoryDefault), (r.UnitId!.Value, r.Reason));
        }

        Assert.Equal(7, areas.Count(a => a.Kind == AreaKind.Ward));
    }

    [Fact]
    public async Task Reports_posted_at_every_centre_reach_the_right_unit_through_the_api()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        await using var db = app.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().ToListAsync();
        var wardUnits = await db.Units.AsNoTracking().Where(u => u.AreaId != null).ToDictionaryAsync(u => u.AreaId!.Value, u => u.Code);
        foreach (var area in areas)
        {
            using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, "rac-thai", area.CenterLatitude, area.CenterLongitude)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
            var report = await db.Reports.AsNoTracking().Include(r => r.Unit).SingleAsync(r => r.Code == code);
            Assert.Equal(wardUnits[area.Id], report.Unit!.Code);
            Assert.Equal(area.Id, report.AreaId);
        }
    }

    [Theory]
    [InlineData(21.0285, 105.8542)] // Hà Nội
    [InlineData(10.7769, 106.7009)] // TP. Hồ Chí Minh
    [InlineData(0, 0)]
    [InlineData(95, 105.5)]        // not a latitude at all
    public async Task A_point_outside_the_province_is_refused_and_nothing_is_stored(double lat, double lon)
    {
        var description = "Ngoài tỉnh " + Guid.NewGuid().ToString("N");
        var result = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = description, Latitude = lat, Longitude = lon }, default);
        Assert.Equal(IntakeOutcome.OutsideServiceArea, result.Outcome);
        Assert.Equal("Intake.OutsideServiceArea", result.ErrorKey);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Reports.AnyAsync(r => r.Description == description));
    }

    [Fact]
    public async Task A_point_inside_the_service_area_but_far_from_every_centre_goes_to_the_coordinators_or_the_department()
    {
        // ~20 km west of Vị Thanh: within the 30 km service radius, beyond the 15 km of nearest-centre location.
        var rubbish = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = "Xa trung tâm", Latitude = 9.70, Longitude = 105.27 }, default);
        Assert.True(rubbish.Succeeded);
        Assert.Null(rubbish.Report!.UnitId);
        Assert.Equal(RoutingReason.Unroutable, rubbish.Report.Reason);

        var road = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "duong-hu-hong", Description = "Xa trung tâm", Latitude = 9.70, Longitude = 105.27 }, default);
        Assert.Equal("Sở Xây dựng (trật tự đô thị, hạ tầng)", road.Report!.UnitName);
    }

    [Fact]
    public async Task An_address_that_names_a_ward_is_enough_and_names_are_told_apart()
    {
        var vithanh1 = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = "Theo địa chỉ", Address = "Ấp 3, xã Vị Thanh 1, TP Cần Thơ" }, default);
        Assert.Equal("Xã Vị Thanh 1", vithanh1.Report!.AreaName);
        Assert.Equal("UBND Xã Vị Thanh 1", vithanh1.Report.UnitName);

        var phuong = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = "Theo địa chỉ", Address = "12 Trần Hưng Đạo, PHƯỜNG VỊ THANH" }, default);
        Assert.Equal("UBND Phường Vị Thanh", phuong.Report!.UnitName);
    }

    [Fact]
    public async Task Concurrent_intakes_get_distinct_consecutive_codes_deadlines_from_the_calendar_and_one_received_event()
    {
        var tasks = Enumerable.Range(0, 25).Select(i => Task.Run(() => Intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = "rac-thai",
            Description = "Song song " + i,
            Latitude = 9.783,
            Longitude = 105.467,
            Contact = new IntakeContact("Người " + i, "0900000" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), null, null, null),
        }, default)));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorKey));
        var numbers = results.Select(r => long.Parse(r.Report!.Code[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(25, numbers.Distinct().Count());
        Assert.Equal(numbers[0] + 24, numbers[^1]);

        await using var db = app.CreateDbContext();
        var calendar = new WorkingCalendar(await db.CalendarDays.ToListAsync());
        var ids = results.Select(r => r.Report!.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Events).Where(r => ids.Contains(r.Id)).ToListAsync();
        Assert.All(reports, r =>
        {
            Assert.Equal(calendar.DueAtUtc(r.ReceivedAt, 2), r.DueAt);
            Assert.Equal(ReportEventType.Received, Assert.Single(r.Events).Type);
        });
        Assert.Equal(25, await db.ReporterContacts.CountAsync(c => ids.Contains(c.ReportId)));
    }

    [Fact]
    public async Task An_officer_intake_names_the_officer_and_the_channel_in_the_timeline_and_uses_the_chosen_area()
    {
        await using var db = app.CreateDbContext();
        var hoaLuu = await db.Areas.SingleAsync(a => a.Code == "31338");
        var result = await Intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = "cay-xanh",
            Description = "Người dân gọi: cây dầu ngã chắn ngang lộ.",
            AreaId = hoaLuu.Id,
            Source = ReportSource.Hotline,
            Priority = ReportPriority.Urgent,
            TakenBy = new Actor("officer-1", "Nguyễn Văn An", ActingRole.UnitOfficer),
            Details = "Tiếp nhận qua: Đường dây nóng",
        }, default);
        var report = await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == result.Report!.Id);
        Assert.Equal((hoaLuu.CenterLatitude, hoaLuu.CenterLongitude, ReportPriority.Urgent, ReportSource.Hotline), (report.Latitude, report.Longitude, report.Priority, report.Source));
        var received = Assert.Single(report.Events);
        Assert.Equal(("Nguyễn Văn An", "Tiếp nhận qua: Đường dây nóng"), (received.ActorName, received.Note));
        Assert.Equal("UBND Xã Hỏa Lựu", result.Report!.UnitName);
    }

    [Fact]
    public async Task The_demo_feed_posts_through_the_same_intake()
    {
        var feed = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoFeed>().Single();
        var result = await feed.PostOneAsync(new DemoFeedOptions { PhotoShare = 1 }, default);
        Assert.True(result.Succeeded, result.ErrorKey);
        await using var db = app.CreateDbContext();
        var report = await db.Reports.AsNoTracking().Include(r => r.Photos).SingleAsync(r => r.Id == result.Report!.Id);
        Assert.Equal(ReportSource.CitizenApp, report.Source);
        Assert.Single(report.Photos);
        Assert.True(await db.ReporterContacts.AnyAsync(c => c.ReportId == report.Id));
    }
}
