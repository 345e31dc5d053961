using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>Every screen updates itself: queue, map, report page, home counts — only for users whose scope includes the report.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class LiveTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task A_report_routed_to_a_unit_appears_on_its_queue_and_map_without_reload_and_nowhere_else()
    {
        var token = "LV" + Guid.NewGuid().ToString("N")[..8];
        var report = await app.CreateReportAsync("UBND-31340", description: $"Ngập {token} sau cơn mưa lớn, nước tràn vào nhà dân.");

        var queue = await browser.NewPageAsync(app.BaseUrl);
        await queue.SignInAsync("canbo.vithanh@haugiang.demo");
        await queue.GotoAsync("/queue");
        await queue.WaitForCircuitAsync();
        var newTab = queue.Locator("[data-testid=queue-tabs] .mud-tab").First;
        var countBefore = await newTab.InnerTextAsync();

        var map = await browser.NewPageAsync(app.BaseUrl);
        await map.SignInAsync("canbo2.vithanh@haugiang.demo");
        await map.GotoAsync("/map");
        await map.WaitForCircuitAsync();
        var mapElement = map.Locator("[data-testid=report-map]");
        await Assertions.Expect(mapElement).ToHaveAttributeAsync("data-idle", "true");
        var pointsBefore = int.Parse(await mapElement.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.SignInAsync("canbo.31338@haugiang.demo"); // Xã Hỏa Lựu
        await other.GotoAsync("/queue?tab=All");
        await other.WaitForCircuitAsync();

        // Ngã Bảy transfers it to Vị Thanh through the real service: the committed change goes out on the feed.
        var service = app.Services.GetRequiredService<ReportActions>();
        var result = await service.ExecuteAsync(await app.UserAsync("canbo.ngabay@haugiang.demo"), report.Id,
            new ActionRequest(ReportAction.Transfer, report.Version) { UnitId = await UnitIdAsync("UBND-31321"), Text = "Điểm ngập thuộc Phường Vị Thanh" });
        Assert.True(result.Succeeded);

        await Assertions.Expect(queue.Locator("[data-testid=report-link]", new() { HasText = report.Code })).ToBeVisibleAsync();
        await Assertions.Expect(queue.Locator("tr.hg-fresh", new() { HasText = report.Code })).ToBeVisibleAsync();
        Assert.NotEqual(countBefore, await newTab.InnerTextAsync());

        await Assertions.Expect(mapElement).ToHaveAttributeAsync("data-last-change", report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(pointsBefore + 1, int.Parse(await mapElement.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture));

        // Hỏa Lựu heard nothing: no row, and the code is nowhere on its page.
        Assert.DoesNotContain(report.Code, await other.ContentAsync(), StringComparison.Ordinal);

        await queue.Context.CloseAsync();
        await map.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    /// <summary>
    /// A citizen who is not satisfied reopens the report through the API: the officer's open queue sees it leave
    /// "Đã xử lý" and come back as "Đang xử lý" without a reload, and the audit log names who did it.
    /// </summary>
    [Fact]
    public async Task A_not_satisfied_rating_reopens_the_report_on_the_open_queue_with_an_audit_entry()
    {
        var (clientId, key) = await app.CreateApiClientAsync();
        var report = await app.CreateReportAsync("UBND-31321", description: "Rác thải chưa được thu gom ở hẻm 12.");
        await using (var db = app.CreateDbContext())
        {
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ApiClientId, clientId));
        }

        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var service = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await service.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);
        Assert.True((await service.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Reply, report.Version + 1) { Text = "Đã thu gom xong." })).Succeeded);

        var queue = await browser.NewPageAsync(app.BaseUrl);
        await queue.SignInAsync("canbo2.vithanh@haugiang.demo");
        await queue.GotoAsync("/queue?tab=All&q=" + report.Code);
        await queue.WaitForCircuitAsync();
        var row = queue.Locator("[data-testid=queue-table] tbody tr", new() { HasText = report.Code });
        await Assertions.Expect(row).ToContainTextAsync("Đã xử lý");

        using var http = app.Http();
        using var rated = await http.PostAsync($"/open311/v2/requests/{report.Code}/rating.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = key, ["rating"] = "not_satisfied", ["comment"] = "Rác vẫn còn" }));
        Assert.Equal(System.Net.HttpStatusCode.OK, rated.StatusCode);

        await Assertions.Expect(row).ToContainTextAsync("Đang xử lý");
        await Assertions.Expect(queue.Locator("tr.hg-fresh", new() { HasText = report.Code })).ToBeVisibleAsync();

        await using var check = app.CreateDbContext();
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.EntityId == report.Code).OrderBy(a => a.Id).ToListAsync();
        var reopen = audit[^1];
        Assert.Equal(("report.rate-reopen", "Người dân", null), (reopen.Action, reopen.UserName, reopen.UserId));
        Assert.Contains("state=Resolved", reopen.Before, StringComparison.Ordinal);
        Assert.Contains("state=InProgress", reopen.After, StringComparison.Ordinal);
        Assert.Contains("rating=NotSatisfied", reopen.After, StringComparison.Ordinal);
        await queue.Context.CloseAsync();
    }

    /// <summary>
    /// A full load of /map draws the points before the circuit is up; the component then adopts that map. The adopted
    /// map must still answer: a click on a point opens its summary card (through the circuit), and there is one map.
    /// </summary>
    [Fact]
    public async Task The_map_drawn_before_the_circuit_is_adopted_and_a_click_on_a_point_opens_its_card()
    {
        var report = await app.CreateReportAsync("UBND-31321", description: "Cột đèn gãy đổ chắn ngang lối đi.");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/map?q=" + report.Code);
        await page.WaitForCircuitAsync();
        var mapElement = page.Locator("[data-testid=report-map]");
        await Assertions.Expect(mapElement).ToHaveAttributeAsync("data-count", "1");
        Assert.Equal(1, await page.Locator(".leaflet-container").CountAsync());

        // "My unit" centres the map on the ward's centre, where the report's point is; click that spot.
        await page.GetByRole(AriaRole.Button, new() { Name = "Địa bàn của tôi" }).ClickAsync();
        await page.WaitForTimeoutAsync(500); // the view change is a Leaflet animation, not a DOM state to wait for
        var box = (await mapElement.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));

        await Assertions.Expect(page.Locator("[data-testid=map-card-link]")).ToHaveTextAsync(report.Code);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_open_report_page_shows_who_changed_it_and_refreshes_its_state_and_actions()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo2.vithanh@haugiang.demo");
        await page.GotoAsync("/reports/" + report.Code);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-action=Accept]")).ToBeVisibleAsync();

        var service = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await service.ExecuteAsync(await app.UserAsync("canbo.vithanh@haugiang.demo"), report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);

        await Assertions.Expect(page.Locator("[data-testid=changed-by-other]")).ToContainTextAsync("Nguyễn Văn An");
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");
        await Assertions.Expect(page.Locator("[data-action=Accept]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_counts_follow_the_queue()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("lanhdao.ngabay@haugiang.demo");
        await page.WaitForCircuitAsync();
        var count = page.Locator("[data-testid=count-New] .hg-count");
        var before = int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var report = await app.CreateReportAsync("UBND-31321");
        var service = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await service.ExecuteAsync(await app.UserAsync("canbo.vithanh@haugiang.demo"), report.Id,
            new ActionRequest(ReportAction.Transfer, report.Version) { UnitId = await UnitIdAsync("UBND-31340"), Text = "Thuộc Ngã Bảy" })).Succeeded);

        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return db.Units.Single(u => u.Code == code).Id;
    }
}
