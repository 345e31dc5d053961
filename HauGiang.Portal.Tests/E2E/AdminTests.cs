using System.Text;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Features.Admin;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HauGiang.Portal.Tests.Features.Admin.AdminTestData;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>Each admin screen's main path in real Chromium, who is refused, and the audit entry every change leaves.</summary>
/// <remarks>
/// In the browser collection (one Chromium, run one after another with the other browser tests, so that admin
/// tests add no parallel load), with a database of their own: admin changes are global.
/// </remarks>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class AdminTests(BrowserFixture browser, AdminApp app) : IClassFixture<AdminApp>
{
    private static readonly string[] AdminPages = ["/admin", "/admin/categories", "/admin/units", "/admin/routing", "/admin/users", "/admin/calendar", "/admin/audit"];

    [Theory]
    [InlineData("canbo.vithanh@haugiang.demo")]
    [InlineData("lanhdao.vithanh@haugiang.demo")]
    [InlineData("truongphong.xaydung@haugiang.demo")]
    public async Task Officers_and_heads_are_refused_every_admin_page_and_see_no_admin_menu(string email)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(email);
        Assert.Equal(0, await page.Locator("[data-testid=nav-admin]").CountAsync());
        foreach (var path in AdminPages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
            Assert.DoesNotContain("/admin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_reads_the_categories_routing_and_calendar_but_changes_nothing_and_is_refused_users_and_audit()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("dieuphoi@haugiang.demo");
        foreach (var path in new[] { "/admin/categories", "/admin/routing", "/admin/calendar", "/admin/units" })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        }

        Assert.Equal(0, await page.Locator("[data-testid=category-new]").CountAsync());
        foreach (var path in new[] { "/admin/users", "/admin/audit" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_creates_reorders_deactivates_and_deletes_categories_and_an_old_report_keeps_its_category()
    {
        var report = await app.CreateReportAsync("UBND-31321", categoryCode: "dau-xe-sai-quy-dinh");
        var page = await AdminPageAsync("/admin/categories");
        await Assertions.Expect(page.Locator("[data-testid=days-note]")).ToContainTextAsync("chỉ áp dụng cho phản ánh mới");

        // Create.
        var mark = await app.LastAuditIdAsync();
        await page.ClickAsync("[data-testid=category-new]");
        var dialog = page.Locator(".mud-dialog");
        await Field(dialog, "field-code").FillAsync("cho-tam");
        await Field(dialog, "field-name-vi").FillAsync("Chợ tạm, chợ cóc");
        await Field(dialog, "field-name-en").FillAsync("Makeshift markets");
        await Field(dialog, "field-group").FillAsync("An ninh trật tự");
        await Field(dialog, "field-group").PressAsync("Tab");
        await Field(dialog, "field-group-en").FillAsync("Public security");
        await Field(dialog, "field-days").FillAsync("4");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        var row = page.Locator("[data-testid=category-row][data-code=cho-tam]");
        await Assertions.Expect(row.Locator("[data-testid=category-days]")).ToHaveTextAsync("4");
        var created = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("category.create", "cho-tam"), (created.Action, created.EntityId));
        Assert.Contains("Chợ tạm", created.After, StringComparison.Ordinal);

        // Reorder within its group: it was created last of "An ninh trật tự"; move it up.
        mark = await app.LastAuditIdAsync();
        await row.Locator("[data-testid=category-up]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=category-row]").Locator("nth=13")).ToHaveAttributeAsync("data-code", "cho-tam");
        var moved = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("category.reorder", moved.Action);
        Assert.NotEqual(moved.Before, moved.After);

        // Deactivate one that has reports: it stays, marked inactive, and the old report still shows it.
        mark = await app.LastAuditIdAsync();
        var parking = page.Locator("[data-testid=category-row][data-code=dau-xe-sai-quy-dinh]");
        Assert.Equal(0, await parking.Locator("[data-testid=category-delete]").CountAsync());
        await parking.Locator("[data-testid=category-deactivate]").ClickAsync();
        await Assertions.Expect(parking.Locator("[data-testid=category-inactive]")).ToBeVisibleAsync();
        var deactivated = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("category.deactivate", "{\"isActive\":true}", "{\"isActive\":false}"), (deactivated.Action, deactivated.Before, deactivated.After));
        await using (var db = app.CreateDbContext())
        {
            Assert.DoesNotContain("dau-xe-sai-quy-dinh", await db.Categories.Where(c => c.IsActive).Select(c => c.Code).ToListAsync());
        }

        var officer = await browser.NewPageAsync(app.BaseUrl);
        await officer.SignInAsync("canbo.vithanh@haugiang.demo");
        await officer.GotoAsync("/reports/" + report.Code);
        await Assertions.Expect(officer.Locator("body")).ToContainTextAsync("Đậu xe, họp chợ sai quy định");
        await officer.Context.CloseAsync();

        // Delete the unused one.
        mark = await app.LastAuditIdAsync();
        await row.Locator("[data-testid=category-delete]").ClickAsync();
        await page.Locator(".mud-dialog [data-testid=delete-confirm]").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal("category.delete", Assert.Single(await app.AuditSinceAsync(mark)).Action);

        // Put the parking category back for other tests.
        await parking.Locator("[data-testid=category-activate]").ClickAsync();
        await Assertions.Expect(parking.Locator("[data-testid=category-active]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_imports_boundaries_after_a_preview_and_bad_files_import_nothing()
    {
        var page = await AdminPageAsync("/admin/units");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Nhập ranh giới (GeoJSON)" }).ClickAsync();
        var file = page.Locator("input[type=file]");
        var mark = await app.LastAuditIdAsync();

        // Malformed: a clear error, nothing to apply.
        await file.ChooseFilesAsync(Upload("hong.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"));
        await Assertions.Expect(page.Locator("[data-testid=import-error]")).ToContainTextAsync("không phải JSON hợp lệ");
        Assert.Equal(0, await page.Locator("[data-testid=import-apply]").CountAsync());

        // An unknown code: every feature listed with its result; the import is blocked.
        await file.ChooseFilesAsync(Upload("sai-ma.geojson", Collection(
            Feature("ma_xa", "31340", Square(9.816, 105.82, 0.02)),
            Feature("ma_xa", "99999", Square(9.9, 105.6, 0.02)),
            Feature("ma_xa", "31411", BowTie(9.83, 105.85)))));
        await Assertions.Expect(page.Locator("[data-testid=import-row]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=import-row][data-status=Matched]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=import-row][data-status=UnknownCode] [data-testid=import-reason]")).ToContainTextAsync("99999");
        await Assertions.Expect(page.Locator("[data-testid=import-row][data-status=InvalidGeometry] [data-testid=import-reason]")).ToContainTextAsync("Self-intersection");
        await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("2/3");
        await Assertions.Expect(page.Locator("[data-testid=import-apply]")).ToBeDisabledAsync();
        Assert.Empty(await app.AuditSinceAsync(mark));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Areas.AnyAsync(a => a.Code == "31340" && a.BoundaryGeoJson != null));
        }

        // A good file: preview, apply, one audit entry, and routing locates with the polygon.
        await file.ChooseFilesAsync(Upload("nga-bay.geojson", Collection(Feature("code", "31340", Square(9.816, 105.82, 0.03)))));
        await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("khớp");
        await page.ClickAsync("[data-testid=import-apply]");
        await Assertions.Expect(page.Locator("[data-testid=area-row][data-code='31340'] [data-testid=area-boundary]")).ToContainTextAsync("Đã có ranh giới");
        var entry = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("area.import-boundaries", "{\"31340\":null}"), (entry.Action, entry.Before));
        Assert.Contains("Polygon", entry.After, StringComparison.Ordinal);

        // 9.839, 105.84 is nearer Phường Đại Thành's centre (≈1.4 km) than Ngã Bảy's (≈3.3 km) but inside Ngã Bảy's square.
        var located = await app.Services.GetRequiredService<AreaLocator>().LocateWithMatchAsync(9.839, 105.84, CancellationToken.None);
        Assert.Equal(("31340", AreaMatch.Boundary), (located!.Area.Code, located.Match));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_renames_a_unit_and_types_an_area_centre()
    {
        var page = await AdminPageAsync("/admin/units");
        var mark = await app.LastAuditIdAsync();
        await page.Locator("[data-testid=unit-row][data-code=CAP-NUOC] [data-testid=unit-edit]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Field(dialog, "field-unit-name").FillAsync("Công ty Cổ phần Cấp thoát nước Hậu Giang");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unit-row][data-code=CAP-NUOC] [data-testid=unit-name]")).ToHaveTextAsync("Công ty Cổ phần Cấp thoát nước Hậu Giang");
        var renamed = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Contains("Công ty Cấp thoát nước Hậu Giang", renamed.Before, StringComparison.Ordinal);
        Assert.Contains("Cổ phần", renamed.After, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Địa bàn xã/phường" }).ClickAsync();
        mark = await app.LastAuditIdAsync();
        await page.Locator("[data-testid=area-row][data-code='31378'] [data-testid=area-edit]").ClickAsync();
        await Field(dialog, "field-lat").FillAsync("9.9512");
        await Field(dialog, "field-lon").FillAsync("105.8488");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=area-row][data-code='31378'] [data-testid=area-centre]")).ToContainTextAsync("9.9512, 105.8488");
        var moved = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("area.update", moved.Action);
        Assert.Contains("9.95", moved.Before, StringComparison.Ordinal);
        Assert.Contains("9.9512", moved.After, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_sets_a_routing_rule_in_the_grid_and_tests_a_point()
    {
        var page = await AdminPageAsync("/admin/routing");
        var cell = page.Locator("[data-testid=routing-cell][data-category=cay-xanh][data-area='31369']");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-reason", "WardDefault");

        var mark = await app.LastAuditIdAsync();
        await cell.ClickAsync();
        await page.Locator(".mud-dialog .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Sở Xây dựng" }).ClickAsync();
        await page.ClickAsync(".mud-dialog [data-testid=dialog-save]");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-reason", "Rule");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-unit", "SO-XD");
        var entry = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("routing.set-cell", "cay-xanh", "{\"31369\":\"default\"}", "{\"31369\":\"SO-XD\"}"), (entry.Action, entry.EntityId, entry.Before, entry.After));

        // Test a point at Xã Đông Phước's centre for that category: the rule's unit, and why.
        await page.Locator("[data-testid=point-test] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cây xanh gãy đổ" }).ClickAsync();
        await Field(page, "test-lat").FillAsync("9.91");
        await Field(page, "test-lon").FillAsync("105.84");
        await page.ClickAsync("[data-testid=test-run]");
        await Assertions.Expect(page.Locator("[data-testid=test-unit]")).ToContainTextAsync("Sở Xây dựng");
        await Assertions.Expect(page.Locator("[data-testid=test-reason]")).ToHaveAttributeAsync("data-reason", "Rule");
        await Assertions.Expect(page.Locator("[data-testid=test-area]")).ToContainTextAsync("Xã Đông Phước");

        // Back to the default.
        mark = await app.LastAuditIdAsync();
        await cell.ClickAsync();
        await page.ClickAsync(".mud-dialog [data-testid=rule-clear]");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-reason", "WardDefault");
        Assert.Single(await app.AuditSinceAsync(mark));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_adds_and_removes_a_make_up_working_day_in_the_year_view()
    {
        var page = await AdminPageAsync("/admin/calendar?year=2027");
        await Assertions.Expect(page.Locator("[data-testid=year]")).ToHaveTextAsync("2027");
        var day = page.Locator("[data-testid=calendar-day][data-date='2027-07-10']"); // a Saturday
        await Assertions.Expect(page.Locator("[data-testid=calendar-day][data-date='2027-09-02']")).ToHaveAttributeAsync("data-kind", "Holiday");

        var mark = await app.LastAuditIdAsync();
        await day.ClickAsync();
        await Field(page.Locator(".mud-dialog"), "field-day-name").FillAsync("Làm bù kiểm thử");
        await page.ClickAsync(".mud-dialog [data-testid=dialog-save]");
        await Assertions.Expect(day).ToHaveAttributeAsync("data-kind", "MakeUpWorkingDay");
        await Assertions.Expect(page.Locator("[data-testid=calendar-entry][data-date='2027-07-10']")).ToContainTextAsync("Làm bù kiểm thử");
        var added = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("calendar.add", "2027-07-10"), (added.Action, added.EntityId));
        Assert.Contains("MakeUpWorkingDay", added.After, StringComparison.Ordinal);

        mark = await app.LastAuditIdAsync();
        await day.ClickAsync();
        await page.ClickAsync(".mud-dialog [data-testid=day-remove]");
        await Assertions.Expect(page.Locator("[data-testid=calendar-entry][data-date='2027-07-10']")).ToHaveCountAsync(0);
        var removed = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("calendar.remove", removed.Action);
        Assert.NotNull(removed.Before);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_log_shows_who_did_what_with_before_and_after_and_offers_no_way_to_change_it()
    {
        var admin = await app.UserAsync(AdminEmail);
        var units = app.Services.GetRequiredService<HauGiang.Portal.Features.Admin.OrganisationAdminService>();
        var area = (await units.AreasAsync()).Single(a => a.Code == "31453");
        Assert.True((await units.SaveAreaAsync(admin, new(area.Id, area.Name, 9.7234, 105.5432))).Succeeded);

        var page = await AdminPageAsync("/admin/audit");
        await Field(page, "audit-text").FillAsync("31453");
        var row = page.Locator("[data-testid=audit-row][data-action='area.update']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid=audit-after]")).ToContainTextAsync("9.7234");
        await Assertions.Expect(row).ToContainTextAsync("Quản trị hệ thống");
        Assert.Equal(0, await page.Locator("[data-testid=audit-table] button").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The one slow test (≈1 minute, the revalidation interval): an admin creates an account, its owner signs in,
    /// the admin locks it, and the owner's open page loses access within a minute.
    /// </summary>
    [Fact]
    public async Task A_created_user_signs_in_and_locking_them_ends_their_open_session_within_a_minute()
    {
        const string email = "khoa.thu@haugiang.demo";
        const string password = "Mat-khau-ban-dau-1";
        var admin = await AdminPageAsync("/admin/users");
        var mark = await app.LastAuditIdAsync();
        await admin.ClickAsync("[data-testid=user-new]");
        var dialog = admin.Locator(".mud-dialog");
        await Field(dialog, "field-email").FillAsync(email);
        await Field(dialog, "field-name").FillAsync("Đỗ Khoa Thư");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item", new() { HasText = "UBND Phường Vị Tân" }).ClickAsync();
        await Field(dialog, "field-password").FillAsync(password);
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        var row = admin.Locator($"[data-testid=user-row][data-email='{email}']");
        await Assertions.Expect(row.Locator("[data-testid=user-unit]")).ToHaveTextAsync("UBND Phường Vị Tân");
        var created = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("user.create", email), (created.Action, created.EntityId));
        Assert.DoesNotContain(password, created.After, StringComparison.Ordinal);

        var user = await browser.NewPageAsync(app.BaseUrl);
        await user.SignInAsync(email, password);
        await user.GotoAsync("/queue");
        await user.WaitForCircuitAsync();
        await Assertions.Expect(user.Locator("[data-testid=user-name]")).ToHaveTextAsync("Đỗ Khoa Thư");

        mark = await app.LastAuditIdAsync();
        await row.Locator("[data-testid=user-lock]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToContainTextAsync("Đã khóa");
        var locked = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("user.lock", "{\"isDisabled\":false,\"lockedOut\":false}", "{\"isDisabled\":true,\"lockedOut\":false}"), (locked.Action, locked.Before, locked.After));

        // The open page is signed out at once by the lock (and would be at the next revalidation, every 2 s here).
        // A bound, not a wait: at once when quiet; a helper run at load 12 once needed more than 30 s.
        await user.WaitForURLAsync("**/Account/Login**", new() { Timeout = 60_000 });

        // And the cookie no longer opens anything once it is checked again (every minute), nor does the password.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await user.GotoAsync("/queue");
        Assert.Contains("/Account/Login", user.Url, StringComparison.Ordinal);
        await user.FillAsync("input[name='Input.Email']", email);
        await user.FillAsync("input[name='Input.Password']", password);
        await user.ClickAsync("button[type=submit]");
        await Assertions.Expect(user.Locator("input[name='Input.Password']")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", user.Url, StringComparison.Ordinal);
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private async Task<IPage> AdminPageAsync(string path)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(AdminEmail);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>MudBlazor puts a test id on the input itself or on a wrapper, depending on the component.</summary>
    private static ILocator Field(ILocator scope, string testId) => scope.Locator($":is(input[data-testid={testId}], [data-testid={testId}] input)").First;

    private static ILocator Field(IPage page, string testId) => page.Locator($":is(input[data-testid={testId}], [data-testid={testId}] input)").First;

    private static FilePayload Upload(string name, string json) => new() { Name = name, MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(json) };
}
