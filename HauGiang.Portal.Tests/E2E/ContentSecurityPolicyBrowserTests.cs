using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// The Content-Security-Policy in real Chromium: the map still boots from its own module and draws tiles from the
/// tile server, and an injected inline script is refused — which also proves that the suite's console check
/// (<see cref="NoCspViolationsAttribute"/>, on every other browser test class) sees violations.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Tier.Key, Tier.Browser)]
public class ContentSecurityPolicyBrowserTests(BrowserFixture browser, PortalApp app)
{
    // A 1×1 transparent PNG: this machine has no internet, so the tile server is answered here.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task The_map_boots_before_the_circuit_and_loads_tiles_without_a_violation()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.Context.RouteAsync("https://tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        var mark = CspViolations.Count;

        await page.GotoAsync("/map");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".leaflet-tile-loaded").First).ToBeAttachedAsync();
        Assert.True(await page.EvaluateAsync<bool>("performance.getEntriesByType('resource').some(e => e.name.includes('/js/map-boot'))"));
        Assert.Equal(1, await page.Locator(".leaflet-container").CountAsync());

        await page.Context.CloseAsync();
        Assert.Empty(errors);
        Assert.Empty(CspViolations.Since(mark));
    }

    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoAsync("/Account/Login");
        var mark = CspViolations.Count;

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        await page.Context.CloseAsync(); // the console message may arrive just after; closing delivers what is pending
        Assert.Contains(CspViolations.Since(mark), m => m.Contains("script-src", StringComparison.Ordinal));
    }
}
