using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// No page scrolls sideways on a small phone (360×740, issue 16 item 5): every main page, as each role that uses
/// it. Wide content (tables, tabs) may scroll inside its own box; the page itself may not.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class NoSidewaysScrollTests(BrowserFixture browser, PortalApp app)
{
    private static readonly string[] OwnPages =
    [
        "/", "/queue", "/map", "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/Notices",
        "/Account/Manage/Push", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Passkeys",
    ];

    [Fact]
    public async Task No_page_is_wider_than_a_360_px_phone_for_any_role()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var roles = new (string Email, string[] Paths)[]
        {
            ("canbo.vithanh@haugiang.demo", [.. OwnPages, "/reports/" + report.Code, "/intake/new"]),
            ("lanhdao.vithanh@haugiang.demo", [.. OwnPages, "/reports/" + report.Code, "/dashboard", "/dashboard/month"]),
            ("dieuphoi@haugiang.demo", [.. OwnPages, "/reports/" + report.Code, "/dashboard", "/dashboard/month", "/intake/new"]),
            ("admin@haugiang.demo", [.. OwnPages, "/dashboard", "/admin", .. AdminScreens.All.Select(s => s.Href)]),
        };

        var failures = new List<string>();
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(360, 740);
        failures.AddRange(await WiderThanScreenAsync(page, "anonymous", ["/Account/Login", "/Account/ForgotPassword"]));
        await page.Context.CloseAsync();
        foreach (var (email, paths) in roles)
        {
            page = await browser.NewPageAsync(app.BaseUrl);
            await page.SetViewportSizeAsync(360, 740);
            await page.SignInAsync(email);
            failures.AddRange(await WiderThanScreenAsync(page, email, paths));
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, "Pages wider than 360 px:\n" + string.Join("\n", failures));
    }

    /// <summary>Each path whose page can be scrolled sideways, with the elements that stick out.</summary>
    private static async Task<List<string>> WiderThanScreenAsync(IPage page, string who, IEnumerable<string> paths)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{who} {path}: HTTP {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var measured = await page.EvaluateAsync<System.Text.Json.JsonElement>(
                """
                () => {
                  const s = document.scrollingElement;
                  const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > s.clientWidth + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
                  return [s.scrollWidth, s.clientWidth, wide.join(', ')];
                }
                """);
            var (scroll, client, wide) = (measured[0].GetInt32(), measured[1].GetInt32(), measured[2].GetString());
            if (scroll > client)
            {
                failures.Add($"  {who} {path}: {scroll} > {client} px ({wide})");
            }
        }

        return failures;
    }
}
