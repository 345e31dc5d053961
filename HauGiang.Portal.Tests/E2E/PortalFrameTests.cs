using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// The portal's frame in real Chromium: the menu beside the page on a desktop, over it on a phone (opened by the menu
/// button, closed by a followed link), and the search box that narrows the list as the officer types.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class PortalFrameTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task On_a_desktop_the_menu_sits_beside_the_page_and_the_menu_button_hides_and_shows_it()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue");
        await page.WaitForCircuitAsync();
        var queueLink = page.Locator("[data-testid=drawer] a[href='/queue']");

        Assert.True(await queueLink.IsVisibleAsync());
        Assert.True(await ContentStartsRightOfMenuAsync(page));

        await page.ClickAsync("[data-testid=drawer-toggle]");
        await Assertions.Expect(queueLink).Not.ToBeInViewportAsync();
        Assert.Equal("false", await page.GetAttributeAsync("[data-testid=drawer-toggle]", "aria-expanded"));

        await page.ClickAsync("[data-testid=drawer-toggle]");
        await Assertions.Expect(queueLink).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_over_the_page_and_a_followed_link_closes_it()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        context.Console += (_, message) => CspViolations.Record(message);
        var page = await context.NewPageAsync();
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue");
        await page.WaitForCircuitAsync();
        var mapLink = page.Locator("[data-testid=drawer] a[href='/map']");

        Assert.False(await mapLink.IsVisibleAsync()); // the first screen is the queue, not the menu

        await page.ClickAsync("[data-testid=drawer-toggle]");
        await Assertions.Expect(mapLink).ToBeInViewportAsync();

        await mapLink.ClickAsync();
        await page.WaitForURLAsync("**/map");
        await Assertions.Expect(mapLink).Not.ToBeInViewportAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Typing_in_the_search_box_narrows_the_queue_and_puts_the_words_in_the_address()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/queue?tab=All");
        await page.WaitForCircuitAsync();
        var code = (await page.Locator("[data-testid=report-link]").First.InnerTextAsync()).Trim();

        await page.Locator("[data-testid=filter-text] input").PressSequentiallyAsync(code);

        await page.WaitForURLAsync(url => url.Contains("q=" + code, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync([code]);
        Assert.Equal(code, await page.Locator("[data-testid=filter-text] input").InputValueAsync());
        await page.Context.CloseAsync();
    }

    private static Task<bool> ContentStartsRightOfMenuAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.querySelector('.mud-main-content').getBoundingClientRect().left >= document.querySelector('[data-testid=drawer]').getBoundingClientRect().right - 1");
}
