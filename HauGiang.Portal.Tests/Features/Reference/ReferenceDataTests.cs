using System.Net;
using System.Text.Json;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HauGiang.Portal.Tests.Features.Admin.AdminTestData;

namespace HauGiang.Portal.Tests.Features.Reference;

/// <summary>The real app with its own database: admin changes to reference data are global.</summary>
public sealed class ReferenceApp() : PortalApp(reports: 50, new Dictionary<string, string?> { ["Intake:AnonymousRequestsPerMinute"] = "100000" });

/// <summary>
/// Decision 018: an admin's change of categories, the calendar, rules or boundaries applies to the very next Open311
/// request, with no wait for a cache to expire (the app's clock never moves in these tests, so nothing expires).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class ReferenceDataTests(ReferenceApp app) : IClassFixture<ReferenceApp>
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_category_deactivated_by_an_admin_is_refused_by_the_very_next_request_and_leaves_the_service_list()
    {
        var admin = await app.UserAsync(AdminEmail);
        var categories = Get<CategoryAdminService>();
        var flood = (await categories.ListAsync(false)).Single(c => c.Code == "ngap-nuoc");
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();

        // Accepted and listed: intake has read the category now.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, key, "ngap-nuoc")).StatusCode);
        Assert.Contains("ngap-nuoc", await ServiceCodesAsync(http));

        Assert.True((await categories.SetActiveAsync(admin, flood.Id, false)).Succeeded);
        try
        {
            using var refused = await PostAsync(http, key, "ngap-nuoc");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("ngap-nuoc", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement[0].GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("ngap-nuoc", await ServiceCodesAsync(http));
        }
        finally
        {
            Assert.True((await categories.SetActiveAsync(admin, flood.Id, true)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, key, "ngap-nuoc")).StatusCode);
    }

    [Fact]
    public async Task A_holiday_added_moves_the_next_deadline_by_a_working_day_and_removing_it_moves_it_back()
    {
        var admin = await app.UserAsync(AdminEmail);
        var calendar = Get<CalendarAdminService>();
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        var before = (await PostedAsync(http, key, "rac-thai")).DueAt;

        // Tomorrow (Thursday 19/11/2026: the app's clock is Wednesday morning) becomes a day off.
        var tomorrow = new DateOnly(2026, 11, 19);
        Assert.True((await calendar.SaveAsync(admin, tomorrow, CalendarDayKind.Holiday, "Nghỉ kiểm thử")).Succeeded);
        try
        {
            var during = (await PostedAsync(http, key, "rac-thai")).DueAt;
            Assert.Equal(NextWeekday(LocalDate(before)), LocalDate(during));
        }
        finally
        {
            Assert.True((await calendar.RemoveAsync(admin, tomorrow)).Succeeded);
        }

        Assert.Equal(before, (await PostedAsync(http, key, "rac-thai")).DueAt);
    }

    [Fact]
    public async Task A_routing_rule_and_an_imported_boundary_route_the_very_next_report()
    {
        var admin = await app.UserAsync(AdminEmail);
        var routing = Get<RoutingAdminService>();
        var organisation = Get<OrganisationAdminService>();
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        int trees, area31366, construction, wardOf31366;
        double lat31366, lon31366;
        await using (var db = app.CreateDbContext())
        {
            trees = await db.Categories.Where(c => c.Code == "cay-xanh").Select(c => c.Id).SingleAsync();
            var area = await db.Areas.SingleAsync(a => a.Code == "31366");
            (area31366, lat31366, lon31366) = (area.Id, area.CenterLatitude, area.CenterLongitude);
            construction = await db.Units.Where(u => u.Code == "SO-XD").Select(u => u.Id).SingleAsync();
            wardOf31366 = await db.Units.Where(u => u.AreaId == area.Id).Select(u => u.Id).SingleAsync();
        }

        // Trees are the ward's by default; a rule for this cell sends the next report to the Department of Construction.
        Assert.Equal(wardOf31366, (await PostedAsync(http, key, "cay-xanh", lat31366, lon31366)).UnitId);
        Assert.True((await routing.SetCellAsync(admin, trees, area31366, construction)).Succeeded);
        try
        {
            Assert.Equal(construction, (await PostedAsync(http, key, "cay-xanh", lat31366, lon31366)).UnitId);
        }
        finally
        {
            Assert.True((await routing.SetCellAsync(admin, trees, area31366, null)).Succeeded);
        }

        Assert.Equal(wardOf31366, (await PostedAsync(http, key, "cay-xanh", lat31366, lon31366)).UnitId);

        // This point is nearer Xã Hỏa Lựu's centre than Phường Vị Thanh's; once Vị Thanh's boundary covers it, it is Vị Thanh's.
        const double lat = 9.795, lon = 105.449;
        Assert.Equal("31338", await AreaCodeAsync((await PostedAsync(http, key, "rac-thai", lat, lon)).AreaId));
        var (imported, _) = await organisation.ImportAsync(admin, Collection(Feature("ma_xa", "31321", Square(9.78, 105.467, 0.025))), "vi-thanh.geojson");
        Assert.True(imported.Succeeded);
        var viThanh = (await organisation.AreasAsync()).Single(a => a.Code == "31321");
        try
        {
            Assert.Equal("31321", await AreaCodeAsync((await PostedAsync(http, key, "rac-thai", lat, lon)).AreaId));
        }
        finally
        {
            Assert.True((await organisation.ClearBoundaryAsync(admin, viThanh.Id)).Succeeded);
        }

        Assert.Equal("31338", await AreaCodeAsync((await PostedAsync(http, key, "rac-thai", lat, lon)).AreaId));
    }

    [Fact]
    public async Task Only_a_committed_reference_write_moves_the_signal_and_a_report_write_leaves_it()
    {
        var signal = Get<ReferenceDataSignal>();
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();

        // A new report (and its event, contact, counters) is no reference write: intake keeps its copy.
        var version = signal.Version;
        await PostedAsync(http, key, "rac-thai");
        Assert.Equal(version, signal.Version);

        await using var db = app.CreateDbContext();
        var category = await db.Categories.SingleAsync(c => c.Code == "khac");
        var name = category.NameEn;

        // Rolled back: nothing changed, nothing to read again.
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            category.NameEn = name + " (draft)";
            await db.SaveChangesAsync();
            Assert.Equal(version, signal.Version);
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(version, signal.Version);
        db.ChangeTracker.Clear();
        category = await db.Categories.SingleAsync(c => c.Code == "khac");

        // Inside a transaction the signal waits for the commit: a reader reloading earlier would keep the old row.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            category.NameEn = name + " (renamed)";
            await db.SaveChangesAsync();
            Assert.Equal(version, signal.Version);
            await transaction.CommitAsync();
        }

        Assert.Equal(version + 1, signal.Version);
        var renamed = (await Get<ReferenceDataCache>().GetAsync()).Categories.Single(c => c.Code == "khac");
        Assert.Equal(name + " (renamed)", renamed.NameEn);

        category.NameEn = name;
        await db.SaveChangesAsync();
        Assert.Equal(version + 2, signal.Version);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string key, string serviceCode, double lat = 9.783, double lon = 105.467)
    {
        var fields = IntakeTestExtensions.RequestFields(key, serviceCode, lat, lon);
        if (serviceCode == "cay-xanh")
        {
            fields["attribute[chan_duong]"] = "khong"; // required for fallen trees
        }

        return http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a request and reads back the report it created.</summary>
    private async Task<Report> PostedAsync(HttpClient http, string key, string serviceCode, double lat = 9.783, double lon = 105.467)
    {
        using var response = await PostAsync(http, key, serviceCode, lat, lon);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        await using var db = app.CreateDbContext();
        return await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
    }

    private async Task<string?> AreaCodeAsync(int? areaId)
    {
        await using var db = app.CreateDbContext();
        return await db.Areas.Where(a => a.Id == areaId).Select(a => a.Code).SingleOrDefaultAsync();
    }

    internal static async Task<List<string>> ServiceCodesAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("/open311/v2/services.json")).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("service_code").GetString()!).ToList();

    /// <summary>The date in Vietnam (UTC+7, no daylight saving time) of a stored UTC time.</summary>
    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(7));

    private static DateOnly NextWeekday(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        return date;
    }
}
