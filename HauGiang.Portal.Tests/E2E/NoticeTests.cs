using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// Officers hear of new work on whatever page they have open (issue 16): a citizen's report posted through Open311
/// becomes a toast and a count in the tab's title for its unit's officers, and for nobody else.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public partial class NoticeTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task A_citizen_report_posted_into_a_unit_becomes_a_toast_and_a_title_count_there_and_nowhere_else()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var officer = await OpenAsync("canbo.vithanh@haugiang.demo", "/");
        var other = await OpenAsync("canbo.ngabay@haugiang.demo", "/queue");

        var code = await PostAsync(key, "UBND-31321", "12 đường Trần Hưng Đạo");

        var toast = officer.Locator($"[data-testid=notice-toast][data-code='{code}']");
        await Assertions.Expect(toast).ToBeVisibleAsync();
        await Assertions.Expect(toast).ToContainTextAsync("Phản ánh mới");
        await Assertions.Expect(toast).ToContainTextAsync(await CategoryNameAsync("rac-thai"));
        await Assertions.Expect(toast).ToContainTextAsync("12 đường Trần Hưng Đạo, " + await AreaNameAsync("UBND-31321"));
        await Assertions.Expect(officer).ToHaveTitleAsync(CountedTitle(1));

        // Ngã Bảy hears of its own report (the feed keeps order, so Vị Thanh's came first and was passed over)…
        var ngaBayCode = await PostAsync(key, "UBND-31340", null);
        await Assertions.Expect(other.Locator($"[data-testid=notice-toast][data-code='{ngaBayCode}']")).ToBeVisibleAsync();
        await Assertions.Expect(other).ToHaveTitleAsync(CountedTitle(1));

        // …and never of Vị Thanh's: no toast, and the code is nowhere on its page.
        Assert.DoesNotContain(code, await other.ContentAsync(), StringComparison.Ordinal);

        // The toast opens the report; having seen it, the title's count is gone.
        await toast.ClickAsync();
        await officer.WaitForURLAsync("**/reports/" + code);
        await Assertions.Expect(officer.Locator("[data-testid=report-code]")).ToHaveTextAsync(code);
        await Assertions.Expect(officer).Not.ToHaveTitleAsync(AnyCount());

        await officer.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_hears_that_a_report_was_assigned_to_them_and_the_colleague_does_not()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var assigned = await OpenAsync("canbo2.vithanh@haugiang.demo", "/map");
        var colleague = await OpenAsync("canbo.vithanh@haugiang.demo", "/reports/" + report.Code);

        var head = await app.UserAsync("lanhdao.vithanh@haugiang.demo");
        var officer = await app.UserAsync("canbo2.vithanh@haugiang.demo");
        var service = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await service.ExecuteAsync(head, report.Id, new ActionRequest(ReportAction.Assign, report.Version) { OfficerId = officer.Id })).Succeeded);

        var toast = assigned.Locator($"[data-testid=notice-toast][data-code='{report.Code}']");
        await Assertions.Expect(toast).ToContainTextAsync("Được phân công cho bạn");
        await Assertions.Expect(assigned).ToHaveTitleAsync(CountedTitle(1));

        // The colleague, on the report's own page, sees the change there (who made it) and is not told: not theirs.
        await Assertions.Expect(colleague.Locator("[data-testid=changed-by-other]")).ToBeVisibleAsync();
        Assert.Equal(0, await colleague.Locator("[data-testid=notice-toast]").CountAsync());
        await Assertions.Expect(colleague).Not.ToHaveTitleAsync(AnyCount());

        await assigned.Context.CloseAsync();
        await colleague.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_who_is_not_satisfied_reopens_the_report_and_the_officer_in_charge_hears_of_it()
    {
        var (clientId, key) = await app.CreateApiClientAsync();
        var report = await app.CreateReportAsync("UBND-31321");
        await using (var db = app.CreateDbContext())
        {
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ApiClientId, clientId));
        }

        var service = app.Services.GetRequiredService<ReportActions>();
        var head = await app.UserAsync("lanhdao.vithanh@haugiang.demo");
        var officer = await app.UserAsync("canbo2.vithanh@haugiang.demo");
        Assert.True((await service.ExecuteAsync(head, report.Id, new ActionRequest(ReportAction.Assign, report.Version) { OfficerId = officer.Id })).Succeeded);
        Assert.True((await service.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Reply, report.Version + 1) { Text = "Đã thu gom xong." })).Succeeded);

        var page = await OpenAsync("canbo2.vithanh@haugiang.demo", "/");
        using var http = app.Http();
        using var rated = await http.PostAsync($"/open311/v2/requests/{report.Code}/rating.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = key, ["rating"] = "not_satisfied", ["comment"] = "Rác vẫn còn" }));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var toast = page.Locator($"[data-testid=notice-toast][data-code='{report.Code}']");
        await Assertions.Expect(toast).ToContainTextAsync("Phản ánh được mở lại");
        await Assertions.Expect(page).ToHaveTitleAsync(CountedTitle(1));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queues_new_tab_clears_the_count_of_unseen_reports()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var head = await OpenAsync("lanhdao.vithanh@haugiang.demo", "/dashboard");
        await PostAsync(key, "UBND-31321", null);
        await PostAsync(key, "UBND-31321", null);
        await Assertions.Expect(head).ToHaveTitleAsync(CountedTitle(2));

        // The menu's link to the queue opens on "Mới" without a page load.
        await head.ClickAsync("[data-testid=nav-queue]");
        await head.WaitForURLAsync("**/queue");
        await Assertions.Expect(head).ToHaveTitleAsync(new Regex("^Hàng đợi"));
        await head.Context.CloseAsync();
    }

    [Fact]
    public async Task Turning_toasts_off_in_the_account_settings_stops_them_and_the_title_still_counts()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.31342@haugiang.demo"); // Xã Tân Hòa: no other test signs in as it
        await page.GotoAsync("/Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thông báo", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/Notices");
        var toastSetting = page.Locator("[data-testid=notice-toast-setting]");
        await Assertions.Expect(toastSetting).ToBeCheckedAsync();
        await toastSetting.UncheckAsync();
        await page.ClickAsync("[data-testid=notice-save]");
        await Assertions.Expect(page.Locator(".hg-alert")).ToContainTextAsync("Đã lưu cách nhận thông báo");
        await Assertions.Expect(toastSetting).Not.ToBeCheckedAsync();

        await page.GotoAsync("/queue?tab=All");
        await page.WaitForCircuitAsync();
        var code = await PostAsync(key, "UBND-31342", null);

        // The title's count shows the notice has arrived; no toast came with it.
        await Assertions.Expect(page).ToHaveTitleAsync(CountedTitle(1));
        Assert.Equal(0, await page.Locator("[data-testid=notice-toast]").CountAsync());
        Assert.Equal(0, await page.Locator(".mud-snackbar").CountAsync());

        // Back on: the next report is a toast again.
        await page.GotoAsync("/Account/Manage/Notices");
        await toastSetting.CheckAsync();
        await page.ClickAsync("[data-testid=notice-save]");
        await Assertions.Expect(page.Locator(".hg-alert")).ToContainTextAsync("Đã lưu cách nhận thông báo");
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        var next = await PostAsync(key, "UBND-31342", null);
        await Assertions.Expect(page.Locator($"[data-testid=notice-toast][data-code='{next}']")).ToBeVisibleAsync();
        Assert.NotEqual(code, next);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The browser's own notification, shown by Chromium once this site is allowed to (Playwright grants it as a user
    /// clicking "Allow" would). Headless Chromium has no hidden tabs, so the page is told it is hidden, as a tab in
    /// the background is; the notification itself is the real API (its "show" event marks the page).
    /// </summary>
    [Fact]
    public async Task A_hidden_tab_shows_a_browser_notification_once_this_browser_allows_them()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = app.BaseUrl });
        await page.SignInAsync("canbo2.vithanh@haugiang.demo");
        await page.GotoAsync("/Account/Manage/Notices");
        await Assertions.Expect(page.Locator("[data-testid=notice-permission-state]")).ToHaveTextAsync("Trình duyệt này đã cho phép thông báo.");
        await Assertions.Expect(page.Locator("[data-testid=notice-permission]")).ToBeDisabledAsync();

        await page.Context.AddInitScriptAsync("Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });");
        await page.GotoAsync("/map");
        await page.WaitForCircuitAsync();
        var code = await PostAsync(key, "UBND-31321", null);

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-last-notification", code);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string email, string path)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>A citizen's report through the real Open311 API, at the centre of the unit's ward: its code.</summary>
    private async Task<string> PostAsync(string key, string unitCode, string? address)
    {
        await using var db = app.CreateDbContext();
        var area = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Area!).SingleAsync();
        var fields = IntakeTestExtensions.RequestFields(key, "rac-thai", area.CenterLatitude, area.CenterLongitude);
        if (address is not null)
        {
            fields["address_string"] = address;
        }

        using var http = app.Http();
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private async Task<string> CategoryNameAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Categories.Where(c => c.Code == code).Select(c => c.NameVi).SingleAsync();
    }

    private async Task<string> AreaNameAsync(string unitCode)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Code == unitCode).Select(u => u.Area!.Name).SingleAsync();
    }

    private static Regex CountedTitle(int n) => new("^\\(" + n + "\\) ");

    [GeneratedRegex("^\\(\\d+\\) ")]
    private static partial Regex AnyCount();
}
