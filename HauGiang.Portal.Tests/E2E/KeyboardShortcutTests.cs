using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// Shortcut keys (issue 16 item 7): "a" accepts and "g" assigns the focused queue row or the open report, "/" goes to
/// the search box, "?" lists the keys; a letter typed into a field stays text.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class KeyboardShortcutTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task Question_mark_lists_the_keys_in_vietnamese_and_escape_closes_the_list()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue");
        await page.WaitForCircuitAsync();
        var help = page.Locator("[data-testid=keys-help]");
        await Assertions.Expect(help).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("Shift+Slash"); // "?"
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help.Locator("h2")).ToHaveTextAsync("Phím tắt");
        var rows = await help.Locator("tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.StartsWith('a') && r.Contains("Tiếp nhận", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('g') && r.Contains("Phân công", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('/') && r.Contains("tìm kiếm", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Enter", StringComparison.Ordinal) && r.Contains("Mở phản ánh", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('↑') && r.Contains("Chuyển lên, xuống", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('?'));
        var width = (await help.BoundingBoxAsync())!.Width;
        Assert.True(width <= 390, $"the list is {width} px wide on a 390 px phone");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToBeHiddenAsync();

        // The close button does the same.
        await page.Keyboard.PressAsync("Shift+Slash");
        await help.GetByRole(AriaRole.Button, new() { Name = "Đóng" }).ClickAsync();
        await Assertions.Expect(help).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_on_a_queue_row_opens_its_acceptance_g_on_the_report_opens_assignment_and_typing_in_search_is_just_text()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue?q=" + report.Code);
        await page.WaitForCircuitAsync();
        var link = page.Locator("[data-testid=report-link]", new() { HasText = report.Code });
        await Assertions.Expect(link).ToBeVisibleAsync();

        // On a desktop the queue's keyboard button shows the same list as "?".
        await page.ClickAsync("[data-testid=keys-open]");
        await Assertions.Expect(page.Locator("[data-testid=keys-help]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=keys-help]")).ToBeHiddenAsync();

        // "/" goes to the search box; letters typed there are the search, not shortcuts.
        await page.Keyboard.PressAsync("Slash");
        var search = page.Locator(".hg-search-box input");
        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("ga");
        await Assertions.Expect(search).ToHaveValueAsync(report.Code + "ga");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.EndsWith("/queue", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await search.FillAsync(report.Code);
        await Assertions.Expect(link).ToBeVisibleAsync();

        // "a" on the focused row: its report opens with the Tiếp nhận dialog, and the address is the report's own.
        await link.FocusAsync();
        await page.Keyboard.PressAsync("a");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator(".mud-dialog-title")).ToHaveTextAsync("Tiếp nhận");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/" + report.Code + "$"));
        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        // "g" on the open report: the Phân công dialog; Escape closes it with nothing done.
        await page.Locator("[data-testid=report-code]").ClickAsync(); // focus on the page, not a button
        await page.Keyboard.PressAsync("g");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator(".mud-dialog-title")).ToHaveTextAsync("Phân công");
        // MudBlazor hears Escape once it has moved the focus into the dialog (a moment after it shows).
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog-container') != null");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=report-assignee]")).ToHaveTextAsync("Chưa phân công");

        // "a" on the row of a report already accepted: the report opens and says why there is nothing to accept.
        await page.GotoAsync("/queue?tab=InProgress&q=" + report.Code);
        await page.WaitForCircuitAsync();
        await link.FocusAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Thao tác «Tiếp nhận» không dùng được");
        await Assertions.Expect(page.Locator("[data-testid=report-code]")).ToHaveTextAsync(report.Code);
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await page.Context.CloseAsync();
    }
}
