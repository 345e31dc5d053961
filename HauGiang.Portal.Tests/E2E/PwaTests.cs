using System.Text.Json;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// The installable app in real Chromium, under the strict Content-Security-Policy: the manifest parses with its
/// icons, the service worker (/sw.js) becomes active for the whole site, and the account page's switch finds push
/// support. Chromium cannot finish <c>PushManager.subscribe</c> in a Playwright context: such contexts are like
/// incognito windows, where Chrome has no Push API ("Registration failed - permission denied", crbug.com/41124656),
/// and its push service (Google's) is not reachable from here anyway. The subscription itself is tested end to end
/// in Features/Push/PushTests, through the same endpoint the page posts to, against a local push service.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class PwaTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task The_manifest_and_the_service_worker_load_and_the_account_page_offers_push()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");

        await page.GotoAsync("/Account/Manage/Push");
        await Assertions.Expect(page.Locator("push-device .hg-push-state")).ToHaveTextAsync("Thiết bị này chưa nhận thông báo đẩy.");
        await Assertions.Expect(page.Locator("push-device [data-action=subscribe]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("push-device [data-action=unsubscribe]")).ToBeHiddenAsync();

        // The worker is active for the whole site (it registers from every page).
        Assert.Equal(app.BaseUrl + "/", await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope"));
        Assert.EndsWith("/sw.js", await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).active.scriptURL"), StringComparison.Ordinal);

        // Chromium's own manifest fetch (under manifest-src), as when it decides the app is installable.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var manifest = (await cdp.SendAsync("Page.getAppManifest"))!.Value;
        Assert.Empty(manifest.GetProperty("errors").EnumerateArray());
        using var parsed = JsonDocument.Parse(manifest.GetProperty("data").GetString()!);
        Assert.Equal("Xử lý phản ánh hiện trường · Hậu Giang", parsed.RootElement.GetProperty("name").GetString());
        Assert.Equal("#0d47a1", parsed.RootElement.GetProperty("theme_color").GetString());
        var icons = parsed.RootElement.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var response = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, response.Status);
            Assert.Equal("image/png", response.Headers["content-type"]);
        }

        await page.Context.CloseAsync();
        Assert.Empty(errors);
    }
}
