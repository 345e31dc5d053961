using System.Text.RegularExpressions;
using HauGiang.Portal.Tests.Features.Live;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// An officer in Chromium through docs/deploy.md's nginx (HTTPS) in front of two instances without sticky sessions:
/// every page's circuit comes up, on either instance, and works.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public sealed partial class NginxBrowserTests(ProxiedInstances proxied) : IClassFixture<ProxiedInstances>
{
    [NginxFact]
    public async Task Pages_become_interactive_through_nginx_on_both_instances()
    {
        var nginx = proxied.Nginx!;
        var report = await proxied.A!.CreateReportAsync("UBND-31321");
        using var playwright = await Playwright.CreateAsync();
        // A Chromium of its own that trusts exactly the test certificate's key (and no other bad certificate).
        await using var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--ignore-certificate-errors-spki-list={nginx.SpkiSha256}"],
        });
        var context = await chromium.NewContextAsync(new() { BaseURL = nginx.HttpsUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 850 } });
        context.SetDefaultTimeout(20_000);
        context.Console += (_, message) => CspViolations.Record(message);
        var page = await context.NewPageAsync();

        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/queue");
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();
        }

        await page.GotoAsync("/reports/" + report.Code);
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-action=Accept]");
        await page.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        // The circuits' WebSockets (101) reached both instances, and none needed SignalR's negotiate request.
        var log = nginx.AccessLog;
        var upgraded = BlazorUpgrade().Matches(log).Select(m => m.Groups["upstream"].Value).ToHashSet();
        Assert.Contains(new Uri(proxied.A!.BaseUrl).Authority, upgraded);
        Assert.Contains(new Uri(proxied.B!.BaseUrl).Authority, upgraded);
        Assert.DoesNotContain("/_blazor/negotiate", log, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [GeneratedRegex(@"^\S+ (?<upstream>\S+) 101 ""GET /_blazor", RegexOptions.Multiline)]
    private static partial Regex BlazorUpgrade();
}
