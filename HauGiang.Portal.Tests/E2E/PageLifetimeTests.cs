using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>The app with closed browsers' pages dropped after 2 s (3 min in use), so that a test can see them go.</summary>
public sealed class ShortLivedPagesApp() : PortalApp(reports: 50, new Dictionary<string, string?> { ["Circuits:DisconnectedRetentionSeconds"] = "2" });

/// <summary>Pages open all day come and go: a closed page leaves nothing behind in the live feed.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class PageLifetimeTests(BrowserFixture browser, ShortLivedPagesApp app) : IClassFixture<ShortLivedPagesApp>
{
    [Fact]
    public async Task Closed_pages_give_up_their_feed_subscriptions()
    {
        var feed = app.Services.GetRequiredService<ReportFeed>();
        var before = feed.SubscriberCount;

        var queue = await browser.NewPageAsync(app.BaseUrl);
        await queue.SignInAsync("canbo.vithanh@haugiang.demo");
        await queue.GotoAsync("/queue");
        await queue.WaitForCircuitAsync();
        var map = await browser.NewPageAsync(app.BaseUrl);
        await map.SignInAsync("dieuphoi@haugiang.demo");
        await map.GotoAsync("/map");
        await map.WaitForCircuitAsync();
        // Each page twice: its own live view, and the layout's notices of new work (decision 010).
        await WaitForAsync(() => feed.SubscriberCount == before + 4, "both pages subscribe once interactive");

        await queue.Context.CloseAsync();
        await WaitForAsync(() => feed.SubscriberCount == before + 2, "the closed queue page unsubscribes");
        await map.Context.CloseAsync();
        await WaitForAsync(() => feed.SubscriberCount == before, "no subscription is left behind");
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(100, patience.Token).ContinueWith(t => Assert.False(t.IsCanceled, "timed out: " + what), TaskScheduler.Default);
        }
    }
}
