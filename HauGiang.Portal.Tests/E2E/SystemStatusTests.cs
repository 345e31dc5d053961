using System.Globalization;
using System.Net;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>"Tình trạng hệ thống": what an admin sees at a glance, in real Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class SystemStatusTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task An_admin_sees_every_check_healthy_this_page_online_and_a_new_report_counted_after_refresh()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(IntakeTestExtensions.Admin);
        await page.GotoAsync("/admin/status");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid=status-overall]")).ToHaveAttributeAsync("data-status", "Healthy");
        await Assertions.Expect(page.Locator("[data-testid=status-overall]")).ToContainTextAsync("Hệ thống hoạt động bình thường");
        var checks = page.Locator("[data-testid=status-check]");
        await Assertions.Expect(checks).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=status-check][data-check=photo-store]")).ToContainTextAsync("Thư mục ảnh");
        Assert.Equal(0, await page.Locator("[data-testid=status-check]:not([data-status=Healthy])").CountAsync());

        // This page's own circuit is connected.
        Assert.True(int.Parse(await page.Locator("[data-testid=status-circuits-connected]").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN")) >= 1);

        // The last hour's intake, as the database has it; then one more through Open311, seen after "Làm mới".
        var hour = page.Locator("[data-testid=status-received-hour]");
        var before = await ReceivedInLastHourAsync();
        await Assertions.Expect(hour).ToHaveTextAsync(Figure(before));
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(before + 1, await ReceivedInLastHourAsync());
        await page.ClickAsync("[data-testid=status-refresh]");
        await Assertions.Expect(hour).ToHaveTextAsync(Figure(before + 1));

        await Assertions.Expect(page.Locator("[data-testid=status-version]")).Not.ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }

    private async Task<int> ReceivedInLastHourAsync()
    {
        await using var db = app.CreateDbContext();
        var now = app.Now;
        var hourAgo = now.AddHours(-1);
        return await db.Reports.CountAsync(r => r.ReceivedAt > hourAgo && r.ReceivedAt <= now);
    }

    private static string Figure(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
