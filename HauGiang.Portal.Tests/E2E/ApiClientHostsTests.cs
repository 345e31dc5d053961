using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>The API clients screen in real Chromium: a sandbox client with its image hosts, then the hosts edited.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class ApiClientHostsTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task An_admin_creates_a_sandbox_client_with_image_hosts_and_changes_them()
    {
        var name = "Cổng thử FixMyStreet " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(IntakeTestExtensions.Admin);
        await page.GotoAsync("/admin/api-clients");
        await page.WaitForCircuitAsync();

        await page.ClickAsync("[data-testid=api-client-new]");
        await Field(page, "Tên ứng dụng").FillAsync(name);
        await Field(page, "Máy chủ ảnh (media_url)").FillAsync("https://anh.fixmystreet.vn/, 127.0.0.1");
        await page.Locator("label", new() { HasText = "Ứng dụng thử nghiệm (sandbox)" }).ClickAsync();
        await page.ClickAsync("[data-testid=api-client-create]");
        await page.ClickAsync("[data-testid=api-client-key-done]");

        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row.Locator("[data-testid=api-client-test-chip]")).ToHaveTextAsync("Thử nghiệm");
        await Assertions.Expect(row.Locator("[data-testid=api-client-hosts-cell] .mud-typography")).ToHaveTextAsync(["anh.fixmystreet.vn", "127.0.0.1"]);

        // A wrong entry is named and nothing changes; a right list is saved.
        await row.Locator("[data-testid=api-client-hosts-open]").ClickAsync();
        var edit = page.Locator("[data-testid=api-client-hosts-form]").Locator("textarea").First;
        await Assertions.Expect(edit).ToHaveValueAsync("anh.fixmystreet.vn, 127.0.0.1");
        await edit.FillAsync("anh.fixmystreet.vn, ảnh/đường-dẫn");
        await page.ClickAsync("[data-testid=api-client-hosts-save]");
        await Assertions.Expect(page.Locator("[data-testid=api-client-hosts-error]")).ToContainTextAsync("“ảnh/đường-dẫn” không phải tên máy chủ hoặc địa chỉ IP.");
        await edit.FillAsync("static.fixmystreet.vn");
        await page.ClickAsync("[data-testid=api-client-hosts-save]");
        await Assertions.Expect(row.Locator("[data-testid=api-client-hosts-cell]")).ToHaveTextAsync("static.fixmystreet.vn");

        await using var db = app.CreateDbContext();
        var client = await db.ApiClients.AsNoTracking().SingleAsync(c => c.Name == name);
        Assert.True(client.IsTest);
        Assert.Equal("static.fixmystreet.vn", client.MediaHosts);
        var id = client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["apiclient.create", "apiclient.media-hosts"], await db.AuditEntries.Where(a => a.EntityType == "ApiClient" && a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        await page.Context.CloseAsync();
    }

    private static ILocator Field(IPage page, string label) =>
        page.Locator(".mud-input-control", new() { HasText = label }).Locator("input:not([type=hidden]), textarea").First;
}
