using HauGiang.Portal.Tests.Features.Backups;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>The admin's backup page in real Chromium: no set yet, "Sao lưu ngay", and the checked set listed.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class BackupPageTests(BrowserFixture browser, BackupApp app) : IClassFixture<BackupApp>
{
    [Fact]
    public async Task An_admin_backs_up_now_and_sees_the_checked_set_with_its_report_count()
    {
        int reports;
        await using (var db = app.CreateDbContext())
        {
            reports = await db.Reports.CountAsync();
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("admin@haugiang.demo");
        await page.GotoAsync("/admin/backups");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=backup-last]")).ToContainTextAsync("Chưa có bản sao lưu nào");
        await Assertions.Expect(page.Locator("[data-testid=backup-schedule]")).ToContainTextAsync("Sao lưu tự động đang tắt");

        await page.ClickAsync("[data-testid=backup-now]");

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã sao lưu và kiểm tra");
        await Assertions.Expect(page.Locator("[data-testid=backup-set-reports]")).ToHaveTextAsync(reports.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        await Assertions.Expect(page.Locator("[data-testid=backup-set-check]")).ToHaveTextAsync("Toàn vẹn");
        await Assertions.Expect(page.Locator("[data-testid=backup-set-at]")).ToHaveTextAsync(HauGiang.Portal.Localization.VietnamTime.FormatDateTime(app.Backups.LastAttempt!.StartedAtUtc));
        Assert.Single(await app.Backups.ListAsync(CancellationToken.None));

        await page.Context.CloseAsync();
    }
}
