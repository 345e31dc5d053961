using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>What a ward officer does all day, in real Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class TriageTests(BrowserFixture browser, PortalApp app)
{
    private const string VithanhOfficer = "canbo.vithanh@haugiang.demo";

    [Fact]
    public async Task An_officer_accepts_assigns_notes_and_replies_and_the_report_moves_to_resolved_with_its_timeline_in_order()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(VithanhOfficer);
        await OpenReportAsync(page, report.Code);

        await ActAsync(page, ReportAction.Accept);
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        await ActAsync(page, ReportAction.Assign, async dialog =>
        {
            await dialog.Locator(".mud-select").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Huỳnh Thị Mai" }).ClickAsync();
        });
        await Assertions.Expect(page.Locator("[data-testid=report-assignee]")).ToHaveTextAsync("Huỳnh Thị Mai");

        await ActAsync(page, ReportAction.AddNote, dialog => dialog.Locator("textarea").FillAsync("Đã liên hệ tổ dân phố, chiều nay kiểm tra."));
        await Assertions.Expect(page.Locator("[data-testid=timeline-item][data-type=Note] [data-testid=internal]")).ToBeVisibleAsync();

        await ActAsync(page, ReportAction.Reply, async dialog =>
        {
            await dialog.Locator("textarea").FillAsync("Tổ vệ sinh đã thu gom toàn bộ rác, khu vực đã sạch.");
            await dialog.Locator("input[data-testid=reply-photos]").ChooseFilesAsync(new FilePayload { Name = "ket-qua.jpg", MimeType = "image/jpeg", Buffer = HauGiang.Portal.Tests.Features.Photos.TestImages.Jpeg(800, 600) });
            await Assertions.Expect(dialog.Locator("[data-testid=reply-photo-name]")).ToHaveTextAsync("ket-qua.jpg");
        });
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đã xử lý");
        await Assertions.Expect(page.Locator("[data-testid=report-photo][data-kind=Result]")).ToHaveCountAsync(1);

        var types = await page.Locator("[data-testid=timeline-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.type)");
        Assert.Equal(["Received", "Accepted", "Assigned", "Note", "Replied"], types);

        // And the queue shows it under Đã xử lý.
        await page.GotoAsync("/queue?tab=Done&q=" + report.Code);
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync(report.Code);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_asks_for_three_more_working_days_and_the_head_approves_so_the_deadline_moves_by_working_days()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var service = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await service.ExecuteAsync(await app.UserAsync(VithanhOfficer), report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);

        // Expected by hand from the calendar: three working days after the current deadline's day, 17:00.
        await using (var db = app.CreateDbContext())
        {
            var calendar = new WorkingCalendar(db.CalendarDays.ToList());
            var day = DateOnly.FromDateTime(WorkingCalendar.ToLocal(report.DueAt));
            for (var added = 0; added < 3;)
            {
                day = day.AddDays(1);
                if (calendar.IsWorkingDay(day))
                {
                    added++;
                }
            }

            var expected = day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + " 17:00";

            var officer = await browser.NewPageAsync(app.BaseUrl);
            await officer.SignInAsync(VithanhOfficer);
            await OpenReportAsync(officer, report.Code);
            await ActAsync(officer, ReportAction.RequestExtension, async dialog =>
            {
                await dialog.Locator("input").First.FillAsync("3");
                await Assertions.Expect(dialog.Locator("[data-testid=new-due-preview]")).ToContainTextAsync(expected);
                await dialog.Locator("textarea").FillAsync("Chờ vật tư thay thế nắp hố ga");
            });
            await Assertions.Expect(officer.Locator("[data-testid=extension-pending]")).ToBeVisibleAsync();
            Assert.Equal(0, await officer.Locator("[data-action=ApproveExtension]").CountAsync());

            var head = await browser.NewPageAsync(app.BaseUrl);
            await head.SignInAsync("lanhdao.vithanh@haugiang.demo");
            await OpenReportAsync(head, report.Code);
            await ActAsync(head, ReportAction.ApproveExtension);
            await Assertions.Expect(head.Locator("[data-testid=deadline]").First).ToContainTextAsync(expected);
            await Assertions.Expect(head.Locator("[data-testid=extension-pending]")).ToHaveCountAsync(0);
            await officer.Context.CloseAsync();
            await head.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_transfer_makes_the_report_leave_one_units_queue_and_appear_in_the_others()
    {
        var token = "CX" + Guid.NewGuid().ToString("N")[..8];
        var report = await app.CreateReportAsync("UBND-31321", description: $"Cống {token} bị vỡ, nước tràn ra đường.");
        var vithanh = await browser.NewPageAsync(app.BaseUrl);
        await vithanh.SignInAsync(VithanhOfficer);
        await OpenReportAsync(vithanh, report.Code);
        await ActAsync(vithanh, ReportAction.Transfer, async dialog =>
        {
            await dialog.Locator(".mud-select").First.ClickAsync();
            await vithanh.Locator(".mud-popover-open .mud-list-item", new() { HasText = "UBND Phường Ngã Bảy" }).ClickAsync();
            await dialog.Locator("textarea").FillAsync("Vị trí thuộc địa bàn Phường Ngã Bảy.");
        });

        // It left Vị Thanh: the report page is now not found for them, and their queue has no such row.
        await Assertions.Expect(vithanh.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await vithanh.GotoAsync($"/queue?tab=All&q={token}");
        await Assertions.Expect(vithanh.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();

        var ngaBay = await browser.NewPageAsync(app.BaseUrl);
        await ngaBay.SignInAsync("canbo.ngabay@haugiang.demo");
        await ngaBay.GotoAsync($"/queue?q={token}");
        await Assertions.Expect(ngaBay.Locator("[data-testid=report-link]")).ToHaveTextAsync(report.Code);
        await vithanh.Context.CloseAsync();
        await ngaBay.Context.CloseAsync();
    }

    [Fact]
    public async Task The_second_of_two_officers_is_told_the_report_just_changed_and_nothing_is_overwritten()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var an = await browser.NewPageAsync(app.BaseUrl);
        var mai = await browser.NewPageAsync(app.BaseUrl);
        await an.SignInAsync(VithanhOfficer);
        await mai.SignInAsync("canbo2.vithanh@haugiang.demo");
        await OpenReportAsync(an, report.Code);
        await OpenReportAsync(mai, report.Code);

        // Both open the accept dialog on the same version; An confirms first, then Mai.
        await an.ClickAsync("[data-action=Accept]");
        await mai.ClickAsync("[data-action=Accept]");
        await an.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(an.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");
        await mai.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();

        await Assertions.Expect(mai.Locator(".mud-snackbar")).ToContainTextAsync("vừa được Nguyễn Văn An thay đổi");
        await Assertions.Expect(mai.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");
        var stored = await app.ReloadAsync(report.Id);
        Assert.Single(stored.Events, e => e.Type == ReportEventType.Accepted && e.ActorName == "Nguyễn Văn An");
        await an.Context.CloseAsync();
        await mai.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_of_another_ward_gets_not_found_and_the_reporter_is_never_shown_to_a_unit()
    {
        var report = await app.CreateReportAsync("UBND-31321", description: "Rác ùn ứ đầu hẻm 12, bốc mùi hôi.");
        var ngaBay = await browser.NewPageAsync(app.BaseUrl);
        await ngaBay.SignInAsync("canbo.ngabay@haugiang.demo");
        var response = await ngaBay.GotoAsync("/reports/" + report.Code);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(ngaBay.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        Assert.DoesNotContain("hẻm 12", await ngaBay.ContentAsync(), StringComparison.Ordinal);

        var officer = await browser.NewPageAsync(app.BaseUrl);
        await officer.SignInAsync(VithanhOfficer);
        await OpenReportAsync(officer, report.Code);
        await Assertions.Expect(officer.Locator("[data-testid=reporter-confidential]")).ToContainTextAsync("được bảo mật");
        var html = await officer.ContentAsync();
        Assert.DoesNotContain("0912345678", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", html, StringComparison.Ordinal);
        Assert.Equal(0, await officer.Locator("[data-testid=reveal]").CountAsync());
        await ngaBay.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_reveals_the_reporter_with_a_reason_and_the_reveal_is_in_the_timeline()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("dieuphoi@haugiang.demo");
        await OpenReportAsync(page, report.Code);
        await page.Locator(":is(input[data-testid=reveal-reason], [data-testid=reveal-reason] input)").FillAsync("Cần xác minh vị trí chính xác");
        await page.ClickAsync("[data-testid=reveal]");
        await Assertions.Expect(page.Locator("[data-testid=revealed-contact]")).ToContainTextAsync("0912345678");
        await Assertions.Expect(page.Locator("[data-testid=timeline-item][data-type=ContactRevealed]")).ToContainTextAsync("Cần xác minh vị trí chính xác");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Bulk_accept_from_the_queue_reports_a_result_per_row()
    {
        var token = "LO" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await app.CreateReportAsync("UBND-31340", description: $"Phản ánh {token} số {i}: đèn đường không sáng.");
        }

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.ngabay@haugiang.demo");
        await page.GotoAsync("/queue?q=" + token);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(3);

        await page.Locator("[data-testid=queue-table] thead input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=bulk-accept]");
        await Assertions.Expect(page.Locator("[data-testid=bulk-result]")).ToContainTextAsync("3 thành công, 0 không thực hiện được");

        // They left the Mới tab and are now in Đang xử lý.
        await Assertions.Expect(page.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();
        await page.GotoAsync($"/queue?tab=InProgress&q={token}");
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_click_anywhere_on_a_queue_row_opens_the_report_and_its_checkbox_only_selects_it()
    {
        var token = "ROW" + Guid.NewGuid().ToString("N")[..8];
        var report = await app.CreateReportAsync("UBND-31321", description: $"Cống {token} bị nghẹt, nước tràn ra đường.");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/queue?q=" + token);
        await page.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=queue-table] tbody tr", new() { HasText = report.Code });

        // The checkbox sits above the row's link: it selects and stays on the queue.
        await row.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=bulk-bar]")).ToContainTextAsync("1");
        Assert.EndsWith("/queue?q=" + token, page.Url, StringComparison.Ordinal);

        // The whole text is one hover away, and a click on the description opens the report.
        await Assertions.Expect(row.Locator("[data-testid=report-link]")).ToHaveAttributeAsync("title", $"Cống {token} bị nghẹt, nước tràn ra đường.");
        // Force: Playwright would refuse because the stretched link lies over the cell, which is the point.
        await row.Locator("td.hg-desc").ClickAsync(new() { Force = true });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/" + report.Code + "$"));
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Mới");

        // Back on the queue, a tab is a link that keeps the search.
        await page.GotoAsync("/queue?q=" + token);
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=tab-All]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("tab=All"));
        Assert.Contains("q=" + token, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=tab-All]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-tab-active"));
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync(report.Code);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_filter_panel_opens_on_demand_narrows_by_category_and_stays_open_for_a_link_that_sets_one()
    {
        var token = "PNL" + Guid.NewGuid().ToString("N")[..8];
        var lamp = await app.CreateReportAsync("UBND-31321", "den-chieu-sang", description: $"Đèn {token} tắt.");
        await app.CreateReportAsync("UBND-31321", "rac-thai", description: $"Rác {token} ở cổng chợ.");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/queue?q=" + token);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(2);

        // Closed at first: only the search box and the button.
        await Assertions.Expect(page.Locator("[data-testid=filter-category]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=filters-toggle]");
        await page.Locator(":is(input[data-testid=filter-category], [data-testid=filter-category] input)").FillAsync("den chieu");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Đèn chiếu sáng" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("cat=\\d+"));
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync(lamp.Code);
        await Assertions.Expect(page.Locator("[data-testid=filters-toggle]")).ToContainTextAsync("(1)");

        // The same link elsewhere opens with the panel showing the category.
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.SignInAsync(VithanhOfficer);
        await other.GotoAsync(page.Url);
        await other.WaitForCircuitAsync();
        await Assertions.Expect(other.Locator(":is(input[data-testid=filter-category], [data-testid=filter-category] input)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Đèn chiếu sáng"));
        await Assertions.Expect(other.Locator("[data-testid=report-link]")).ToHaveTextAsync(lamp.Code);
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_filters_live_in_the_url_and_the_tabs_show_counts()
    {
        var token = "LOC" + Guid.NewGuid().ToString("N")[..8];
        var report = await app.CreateReportAsync("UBND-31321", "den-chieu-sang", description: $"Đèn {token} tắt cả tuần.");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/queue");
        await page.WaitForCircuitAsync();

        await page.Locator(":is(input[data-testid=filter-text], [data-testid=filter-text] input)").FillAsync(token);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=" + token));
        // The URL changes before the rows reload: wait for the filtered list (a text check on several rows fails at once).
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync(report.Code);
        await Assertions.Expect(page.Locator(".mud-tab", new() { HasText = "Mới" })).ToContainTextAsync("(1)");

        // The same link in a new browser reproduces the view.
        var url = page.Url;
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.SignInAsync(VithanhOfficer);
        await other.GotoAsync(url);
        await other.WaitForCircuitAsync();
        await Assertions.Expect(other.Locator("[data-testid=report-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(other.Locator("[data-testid=report-link]")).ToHaveTextAsync(report.Code);
        Assert.Contains("q=" + token, other.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    private static async Task OpenReportAsync(IPage page, string code)
    {
        await page.GotoAsync("/reports/" + code);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-code]")).ToHaveTextAsync(code);
    }

    /// <summary>Clicks an action button, fills the dialog if asked, confirms, and waits for the dialog to close.</summary>
    private static async Task ActAsync(IPage page, ReportAction action, Func<ILocator, Task>? fill = null)
    {
        await page.ClickAsync($"[data-action={action}]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        if (fill is not null)
        {
            await fill(dialog);
        }

        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}
