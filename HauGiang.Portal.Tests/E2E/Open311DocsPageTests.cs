using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// The interactive Open311 reference (/open311/docs, Scalar) in real Chromium, signed out: it renders the operations
/// of /openapi/open311.json under the portal's strict CSP (only its own nonce added), and loads nothing from
/// another host (the portal may run without internet).
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class Open311DocsPageTests(BrowserFixture browser, IntakeApp app) : IClassFixture<IntakeApp>
{
    [Fact]
    public async Task The_reference_page_shows_the_operations_to_anyone_with_no_request_leaving_the_site()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        var origin = new Uri(app.BaseUrl).GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(origin, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (elsewhere)
                {
                    elsewhere.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });

        var response = await page.GotoAsync("/open311/docs");
        Assert.Equal(200, response!.Status);
        Assert.Contains("'nonce-", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);

        // The operations of the document, by their summaries: the create, the update feed, the public photos.
        await Assertions.Expect(page.GetByText("Create a service request", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Updates (FixMyStreet/open311-adapter extension)", new() { Exact = false }).First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByText("A public result photo", new() { Exact = false }).First).ToBeAttachedAsync();

        Assert.Empty(elsewhere);
        await page.Context.CloseAsync();
    }
}
