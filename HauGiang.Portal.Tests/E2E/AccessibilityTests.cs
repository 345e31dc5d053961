using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// WCAG 2.1 A and AA, measured with axe-core in Chromium, on every main page as the role that uses it, at desktop
/// size and on a 390x844 phone for the pages used in the field. A serious or critical violation fails the test with
/// the rule, its impact and the elements it found. axe is injected through Playwright's evaluate, which the app's
/// strict CSP does not block ([NoCspViolations] checks the page itself stayed clean).
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class AccessibilityTests(BrowserFixture browser, PortalApp app)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task The_sign_in_page_has_no_serious_violations()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        var failures = await ScanAsync(page, "/Account/Login", interactive: false);
        await page.Context.CloseAsync();
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public async Task An_officers_pages_have_no_serious_violations_on_desktop()
    {
        var code = await VithanhReportCodeAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        var failures = string.Concat(
            await ScanAsync(page, "/"),
            await ScanAsync(page, "/queue"),
            await ScanOpenedAsync(page, "/queue", "[data-testid=filters-toggle]", "[data-testid=filter-category]"),
            await ScanAsync(page, "/reports/" + code),
            await ScanOpenedAsync(page, "/reports/" + code, "[data-action=Reject]", ".mud-dialog"),
            await ScanOpenedAsync(page, "/reports/" + code, "[data-action=Transfer]", ".mud-dialog"),
            await ScanAsync(page, "/map"),
            await ScanAsync(page, "/intake/new"),
            await ScanAsync(page, "/Account/Manage", interactive: false));
        await page.Context.CloseAsync();
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public async Task The_queue_and_a_report_have_no_serious_violations_on_a_phone()
    {
        var code = await VithanhReportCodeAsync();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        var failures = string.Concat(
            await ScanAsync(page, "/queue"),
            await ScanAsync(page, "/reports/" + code));
        await page.Context.CloseAsync();
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public async Task A_heads_dashboard_has_no_serious_violations()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("lanhdao.vithanh@haugiang.demo");
        var failures = await ScanAsync(page, "/dashboard") + await ScanAsync(page, "/dashboard/month") + await ScanAsync(page, "/templates");
        await page.Context.CloseAsync();
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public async Task The_admin_pages_have_no_serious_violations()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("admin@haugiang.demo");
        var failures = await ScanAsync(page, "/admin");
        foreach (var screen in AdminScreens.All)
        {
            failures += await ScanAsync(page, screen.Href);
        }

        // The forms behind the "new" buttons, open.
        failures += await ScanOpenedAsync(page, "/admin/categories", "[data-testid=category-new]", ".mud-dialog");
        failures += await ScanOpenedAsync(page, "/admin/users", "[data-testid=user-new]", ".mud-dialog");
        failures += await ScanOpenedAsync(page, "/admin/templates", "[data-testid=template-new]", ".mud-dialog");

        await page.Context.CloseAsync();
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public async Task An_officer_triages_the_queue_with_the_keyboard_alone()
    {
        await app.CreateReportAsync("UBND-31321");
        await app.CreateReportAsync("UBND-31321");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue");
        await page.WaitForCircuitAsync();
        var links = page.Locator("[data-testid=report-link]");
        var codes = await links.AllInnerTextsAsync();
        Assert.True(codes.Count >= 3, $"the Mới tab should list at least three reports, found {codes.Count}");

        // Tab reaches the first row (its checkbox, then its link); from there the arrows move row by row.
        await page.Locator("tbody tr").First.Locator("input[type=checkbox]").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(links.Nth(2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp"); // stays on the first row
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();

        // The focused row is marked as a whole, not only its code.
        var background = await page.Locator("tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).backgroundColor");
        Assert.Equal("rgb(227, 236, 250)", background);

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/" + codes[1] + "$"));
        await page.Context.CloseAsync();
    }

    private async Task<string> VithanhReportCodeAsync()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        return report.Code;
    }

    /// <summary>Opens <paramref name="path"/>, clicks <paramref name="opener"/> (a dialog or a panel), waits for <paramref name="opened"/> and scans the page with it open.</summary>
    private static async Task<string> ScanOpenedAsync(IPage page, string path, string opener, string opened)
    {
        await OpenAsync(page, path, interactive: true);
        await page.ClickAsync(opener);
        await page.Locator(opened).First.WaitForAsync();
        return await ScanHereAsync(page, $"{path} + {opener}");
    }

    /// <summary>Opens <paramref name="path"/>, runs axe on it and describes each serious or critical violation ("" when none).</summary>
    private static async Task<string> ScanAsync(IPage page, string path, bool interactive = true)
    {
        await OpenAsync(page, path, interactive);
        return await ScanHereAsync(page, path);
    }

    private static async Task OpenAsync(IPage page, string path, bool interactive)
    {
        await page.GotoAsync(path);
        if (interactive)
        {
            await page.WaitForCircuitAsync();
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static async Task<string> ScanHereAsync(IPage page, string path)
    {
        var context = new AxeRunContext
        {
            // Map tiles cannot load in the test environment (no network); the tile layer is images with no text.
            Exclude = [new AxeSelector(".leaflet-tile-pane")],
        };
        var result = await page.RunAxe(context, new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(Tags) });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        return string.Concat(serious.Select(v =>
            $"\n{path} [{page.ViewportSize?.Width}px] {v.Id} ({v.Impact}): {v.Help}\n" +
            string.Concat(v.Nodes.Take(8).Select(n => $"    {n.Target} — {n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message).FirstOrDefault()}\n")) +
            (v.Nodes.Length > 8 ? $"    … and {v.Nodes.Length - 8} more\n" : "")));
    }
}
