using System.Net;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>Two instances on two ports, one database, a real redis-server between them.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public sealed class ScaleOutTests(BrowserFixture browser) : IDisposable
{
    private readonly RedisServer _redis = new();
    private PortalApp? _a;
    private PortalApp? _b;

    [Fact]
    public async Task An_action_on_instance_A_shows_on_instance_B_and_both_keep_serving_when_Redis_stops()
    {
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = _redis.Configuration };
        _a = new AppInstance(settings);
        _ = _a.BaseUrl; // A creates and seeds the database first
        _b = new AppInstance(settings, _a.DatabasePath);
        Assert.NotEqual(_a.BaseUrl, _b.BaseUrl);

        using var http = new HttpClient();
        Assert.Contains("\"redis\":{\"status\":\"Healthy\"", await http.GetStringAsync(_b.BaseUrl + "/health"), StringComparison.Ordinal);

        var report = await _a.CreateReportAsync("UBND-31321");
        var onA = await browser.NewPageAsync(_a.BaseUrl);
        var onB = await browser.NewPageAsync(_b.BaseUrl);
        await onA.SignInAsync("canbo.vithanh@haugiang.demo");
        await onB.SignInAsync("canbo2.vithanh@haugiang.demo");
        await onB.GotoAsync("/reports/" + report.Code);
        await onB.WaitForCircuitAsync();
        await onA.GotoAsync("/reports/" + report.Code);
        await onA.WaitForCircuitAsync();

        await onA.ClickAsync("[data-action=Accept]");
        await onA.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(onA.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        // B heard it through Redis: its open page changed by itself.
        await Assertions.Expect(onB.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");
        await Assertions.Expect(onB.Locator("[data-testid=changed-by-other]")).ToContainTextAsync("Nguyễn Văn An");

        // Redis goes away: both instances keep serving their own users, and say they are degraded.
        _redis.Stop();
        foreach (var instance in new[] { _a, _b })
        {
            var response = await http.GetAsync(instance.BaseUrl + "/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Degraded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await onB.GotoAsync("/queue");
        await Assertions.Expect(onB.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();
        await onA.GotoAsync("/reports/" + report.Code);
        await onA.WaitForCircuitAsync();
        await onA.ClickAsync("[data-action=AddNote]");
        await onA.Locator(".mud-dialog textarea").FillAsync("Redis tạm ngưng, vẫn làm việc bình thường.");
        await onA.Locator(".mud-dialog [data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(onA.Locator("[data-testid=timeline-item][data-type=Note]")).ToBeVisibleAsync();

        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
    }

    public void Dispose()
    {
        _b?.Dispose();
        _a?.Dispose();
        _redis.Dispose();
    }
}
