using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Features.Admin;
using HauGiang.Portal.Tests.Features.ReplyTemplates;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// Reply templates in real Chromium: an admin keeps them on /admin/templates (each change audited), a head keeps
/// their unit's on /templates, and an officer's Trả lời dialog fills its text from one, still editable.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class ReplyTemplateTests(BrowserFixture browser, TemplatesApp app) : IClassFixture<TemplatesApp>
{
    [Fact]
    public async Task An_admin_creates_edits_and_deletes_a_template_and_each_change_is_audited()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(AdminTestData.AdminEmail);
        await page.GotoAsync("/admin/templates");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=template-title]", new() { HasText = "Đã thu gom rác" })).ToBeVisibleAsync();

        // Create: for fallen trees, for Phường Vị Thanh only, with placeholders typed and inserted.
        var mark = await app.LastAuditIdAsync();
        await page.ClickAsync("[data-testid=template-new]");
        var dialog = page.Locator(".mud-dialog");
        await Title(dialog).FillAsync("Cây đổ: đã dọn");
        await ChooseAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Lĩnh vực" }), "Cây xanh gãy đổ, nguy hiểm");
        await ChooseAsync(page, UnitSelect(dialog), "UBND Phường Vị Thanh");
        await dialog.Locator("textarea").FillAsync("{đơn vị} đã cắt tỉa, dọn cây đổ tại {địa chỉ}. Mã:");
        await dialog.Locator("[data-testid=insert-placeholder]", new() { HasText = "{mã}" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("textarea")).ToHaveValueAsync("{đơn vị} đã cắt tỉa, dọn cây đổ tại {địa chỉ}. Mã: {mã}");
        await Assertions.Expect(dialog.Locator("[data-testid=template-preview]"))
            .ToContainTextAsync("UBND Phường Vị Thanh đã cắt tỉa, dọn cây đổ tại số 12 đường 3 Tháng 2, Phường Vị Thanh. Mã: HG-2026-000123");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=template-title]", new() { HasText = "Cây đổ: đã dọn" }) });
        await Assertions.Expect(row.Locator("[data-testid=template-unit]")).ToHaveTextAsync("UBND Phường Vị Thanh");
        await Assertions.Expect(row.Locator("[data-testid=template-category]")).ToHaveTextAsync("Cây xanh gãy đổ, nguy hiểm");
        await Assertions.Expect(row.Locator("[data-testid=template-action]")).ToHaveTextAsync("Trả lời");
        var created = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("template.create", created.Action);
        Assert.Contains("\"category\":\"cay-xanh\"", created.After, StringComparison.Ordinal);

        // A typo in a placeholder is refused, naming it; nothing is saved.
        mark = await app.LastAuditIdAsync();
        await row.Locator("[data-testid=template-edit]").ClickAsync();
        await dialog.Locator("textarea").FillAsync("Đã dọn cây đổ, mã {ma}.");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=dialog-error]")).ToContainTextAsync("\"{ma}\" không phải là từ thay thế");

        // Edit: a new name and text.
        await Title(dialog).FillAsync("Cây đổ: đã dọn xong");
        await dialog.Locator("textarea").FillAsync("{đơn vị} đã dọn cây đổ tại {địa chỉ}, đường đã thông.");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("[data-testid=template-title]")).ToHaveTextAsync("Cây đổ: đã dọn xong");
        await Assertions.Expect(row.Locator("[data-testid=template-text]")).ToHaveTextAsync("{đơn vị} đã dọn cây đổ tại {địa chỉ}, đường đã thông.");
        var updated = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("template.update", updated.Action);
        Assert.Contains("Cây đổ: đã dọn\"", updated.Before, StringComparison.Ordinal);
        Assert.Contains("Cây đổ: đã dọn xong", updated.After, StringComparison.Ordinal);

        // Delete, after confirming.
        mark = await app.LastAuditIdAsync();
        await row.Locator("[data-testid=template-delete]").ClickAsync();
        await page.ClickAsync("[data-testid=delete-confirm]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        var deleted = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("template.delete", updated.EntityId), (deleted.Action, deleted.EntityId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_fills_the_reply_from_a_template_edits_it_and_the_citizen_gets_the_edited_text()
    {
        var report = await app.CreateReportAsync("UBND-31321", categoryCode: "rac-thai");
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/reports/" + report.Code);
        await page.WaitForCircuitAsync();
        await page.ClickAsync($"[data-action={ReportAction.Accept}]");
        await page.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        await page.ClickAsync($"[data-action={ReportAction.Reply}]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator(".mud-select").First.ClickAsync();
        var offered = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(offered).ToHaveTextAsync(["Đã thu gom rác", "Đã xử lý xong"]); // not the pavement or street-light ones
        await offered.Filter(new() { HasText = "Đã thu gom rác" }).ClickAsync();
        var filled = "UBND Phường Vị Thanh đã chỉ đạo tổ vệ sinh môi trường thu gom, xử lý rác thải tại đường 3 Tháng 2, Phường Vị Thanh; "
            + $"khu vực đã được vệ sinh sạch sẽ. Cảm ơn Ông/Bà đã phản ánh (mã {report.Code}).";
        await Assertions.Expect(dialog.Locator("textarea")).ToHaveValueAsync(filled);

        await dialog.Locator("textarea").FillAsync(filled + " Đã kiểm tra lại lúc 16 giờ.");
        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đã xử lý");
        await Assertions.Expect(page.Locator("[data-testid=timeline-item][data-type=Replied]")).ToContainTextAsync(filled + " Đã kiểm tra lại lúc 16 giờ.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_head_reads_the_shared_templates_and_keeps_their_units_own_from_the_menu()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("lanhdao.vithanh@haugiang.demo");
        await page.ClickAsync("[data-testid=nav-templates]");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=templates-unit-note]")).ToContainTextAsync("UBND Phường Vị Thanh");

        var shared = page.Locator("tr", new() { Has = page.Locator("[data-testid=template-title]", new() { HasText = "Đã xử lý xong" }) });
        await Assertions.Expect(shared.Locator("[data-testid=template-unit]")).ToHaveTextAsync("Dùng chung (mọi đơn vị)");
        await Assertions.Expect(shared.Locator("[data-testid=template-edit]")).ToHaveCountAsync(0);
        var own = page.Locator("tr", new() { Has = page.Locator("[data-testid=template-title]", new() { HasText = "Đã sửa đèn" }) });
        await Assertions.Expect(own.Locator("[data-testid=template-edit]")).ToBeVisibleAsync();

        // A new one is for the head's unit; the unit cannot be changed.
        await page.ClickAsync("[data-testid=template-new]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(UnitSelect(dialog)).ToContainTextAsync("UBND Phường Vị Thanh");
        await Assertions.Expect(UnitSelect(dialog)).ToHaveAttributeAsync("aria-disabled", "true");
        await Title(dialog).FillAsync("Karaoke: đã nhắc nhở");
        await dialog.Locator("textarea").FillAsync("Công an {đơn vị} đã nhắc nhở hộ tại {địa chỉ}.");
        await dialog.Locator("[data-testid=dialog-save]").ClickAsync();
        var added = page.Locator("tr", new() { Has = page.Locator("[data-testid=template-title]", new() { HasText = "Karaoke: đã nhắc nhở" }) });
        await Assertions.Expect(added.Locator("[data-testid=template-unit]")).ToHaveTextAsync("UBND Phường Vị Thanh");
        await page.Context.CloseAsync();
    }

    private static ILocator Title(ILocator dialog) => dialog.Locator(":is(input[data-testid=field-title], [data-testid=field-title] input)").First;

    private static ILocator UnitSelect(ILocator dialog) => dialog.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị được dùng" });

    private static async Task ChooseAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).ClickAsync();
    }
}
