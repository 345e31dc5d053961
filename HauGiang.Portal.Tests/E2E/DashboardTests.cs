using System.Globalization;
using System.Text;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>The dashboard as a department head sees it, its click-through to the queue, and exports.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class DashboardTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task A_department_head_sees_only_the_departments_figures()
    {
        int expectedOpen;
        await using (var db = app.CreateDbContext())
        {
            var dept = db.Units.Single(u => u.Code == "SO-XD").Id;
            expectedOpen = db.Reports.Count(r => r.UnitId == dept && (r.State == HauGiang.Portal.Domain.ReportState.New || r.State == HauGiang.Portal.Domain.ReportState.InProgress));
            Assert.NotEqual(expectedOpen, db.Reports.Count(r => r.State == HauGiang.Portal.Domain.ReportState.New || r.State == HauGiang.Portal.Domain.ReportState.InProgress));
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("truongphong.xaydung@haugiang.demo");
        await page.GotoAsync("/dashboard");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-open-value]")).ToHaveTextAsync(expectedOpen.ToString("N0", new CultureInfo("vi-VN")));
        Assert.Equal(0, await page.Locator("[data-testid=by-unit]").CountAsync()); // no other units to compare with
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_overdue_tile_opens_the_queue_with_exactly_those_reports()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("truongphong.xaydung@haugiang.demo");
        await page.GotoAsync("/dashboard");
        await page.WaitForCircuitAsync();
        var overdue = await page.InnerTextAsync("[data-testid=kpi-overdue-value]");

        await page.ClickAsync("[data-testid=kpi-overdue] a");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue\\?tab=Overdue"));
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".mud-tab.mud-tab-active")).ToContainTextAsync($"({overdue})");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_monthly_report_shows_the_months_satisfaction_and_its_backlog_at_the_end()
    {
        // Last month: a period that has ended, so that the figures cannot move while the page renders.
        var service = app.Services.GetRequiredService<DashboardService>();
        var first = DateOnly.FromDateTime(WorkingCalendar.ToLocal(app.Now)).AddMonths(-1);
        first = first.AddDays(1 - first.Day);
        var user = await app.UserAsync("dieuphoi@haugiang.demo");
        var tiles = (await service.GetAtEndAsync(user, new ReportFilter { Tab = QueueTab.All }, service.Between(first, first.AddMonths(1).AddDays(-1)), english: false)).Tiles;
        Assert.True(tiles.Ratings > 0, "the demo data should hold ratings last month");

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("dieuphoi@haugiang.demo");
        await page.GotoAsync("/dashboard/month?month=" + first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.WaitForCircuitAsync();
        var vi = new CultureInfo("vi-VN");
        await Assertions.Expect(page.Locator("[data-testid=m-satisfaction]"))
            .ToHaveTextAsync($"{tiles.SatisfactionRate!.Value.ToString("P0", vi)} ({tiles.Ratings.ToString("N0", vi)} lượt đánh giá)");
        await Assertions.Expect(page.Locator("[data-testid=m-open-at-end]")).ToHaveTextAsync(tiles.Open.ToString("N0", vi));
        await Assertions.Expect(page.Locator("[data-testid=m-overdue-at-end]")).ToHaveTextAsync(tiles.Overdue.ToString("N0", vi));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_export_downloads_a_file_whose_row_count_equals_the_queues_count()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue?tab=All");
        await page.WaitForCircuitAsync();
        var tab = await page.InnerTextAsync(".mud-tab.mud-tab-active");
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(tab, @"\((\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture);

        // The file is written on the server with progress, then offered under a link of this user's (and downloaded
        // at once). The link is fetched with the browser's session: Playwright for .NET reports a headless download
        // as canceled although the file arrives.
        await page.ClickAsync("[data-testid=queue-export-csv]");
        var vi = new CultureInfo("vi-VN");
        await Assertions.Expect(page.Locator("[data-testid=export-ready]")).ToContainTextAsync($"Đã xuất {count.ToString("N0", vi)} dòng.", new() { Timeout = 60_000 });
        var href = await page.GetAttributeAsync("[data-testid=export-link]", "href");
        Assert.Matches("^/api/export/files/[0-9a-f]{32}$", href);
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Contains("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        var bytes = await response.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // BOM for Excel
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var records = CountCsvRecords(text);
        Assert.Equal(count + 1, records); // header + one per report
        Assert.StartsWith("Mã,Lĩnh vực,Địa bàn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);

        // The export is in the audit log: who, how many rows, which view.
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        await using (var db = app.CreateDbContext())
        {
            var audit = await db.AuditEntries.Where(e => e.Action == "report.export" && e.UserId == officer.Id).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal($"format=csv; rows={count.ToString(CultureInfo.InvariantCulture)}; filter=?tab=All", audit.After);
        }

        // Someone else cannot fetch this user's file by its link.
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.SignInAsync("canbo.ngabay@haugiang.demo");
        Assert.Equal(404, (await other.APIRequest.GetAsync(href!)).Status);
        await other.Context.CloseAsync();

        await page.ClickAsync("[data-testid=queue-export-xlsx]");
        await Assertions.Expect(page.Locator("[data-testid=export-link]")).Not.ToHaveAttributeAsync("href", href!, new() { Timeout = 60_000 });
        var xlsxBytes = await (await page.APIRequest.GetAsync((await page.GetAttributeAsync("[data-testid=export-link]", "href"))!)).BodyAsync();
        Assert.Equal((byte)'P', xlsxBytes[0]); // a zip (xlsx) file
        Assert.Equal((byte)'K', xlsxBytes[1]);

        // The direct endpoint (for links and scripts) gives the same rows.
        var direct = await (await page.APIRequest.GetAsync("/api/export/reports.csv?tab=All")).BodyAsync();
        Assert.Equal(count + 1, CountCsvRecords(Encoding.UTF8.GetString(direct, 3, direct.Length - 3)));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A report that arrives after the dashboard was opened counts as soon as the feed says something changed: the
    /// period runs up to the moment of each update, not to the moment the page was opened.
    /// </summary>
    [Fact]
    public async Task The_dashboard_counts_a_report_that_arrives_while_it_is_open()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("lanhdao.vithanh@haugiang.demo");
        await page.GotoAsync("/dashboard?days=7");
        await page.WaitForCircuitAsync();
        var open = page.Locator("[data-testid=kpi-open-value]");
        await Assertions.Expect(open).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d"));
        var vi = new CultureInfo("vi-VN");
        var before = int.Parse(await open.InnerTextAsync(), NumberStyles.AllowThousands, vi);

        var report = await app.CreateReportAsync("UBND-31321");
        var accepted = await app.Services.GetRequiredService<ReportActions>().ExecuteAsync(
            await app.UserAsync("canbo.vithanh@haugiang.demo"), report.Id, new ActionRequest(ReportAction.Accept, report.Version));
        Assert.True(accepted.Succeeded);

        await Assertions.Expect(open).ToHaveTextAsync((before + 1).ToString("N0", vi), new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("canbo.vithanh@haugiang.demo")]
    [InlineData("canbo.ngabay@haugiang.demo")]
    public async Task An_officer_cannot_open_the_dashboard(string email)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(email);
        await page.GotoAsync("/dashboard?unit=1");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=kpi-open]").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Counts CSV records, honouring quoted fields with commas, quotes and line breaks.</summary>
    private static int CountCsvRecords(string text)
    {
        var records = 0;
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                records++;
                any = false;
                continue;
            }

            any = true;
        }

        return records + (any ? 1 : 0);
    }
}
