using Bunit;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>
/// An open page shows a lone change at once and a burst as one more update after its rest, losing none of them: in
/// the rush hour hundreds of open pages reload a few times a second, not once per citizen report.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class ReportChangeListenerTests : PortalTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 3, 0, 0, TimeSpan.Zero));
    private readonly ReportFeed _feed = new(NullLogger<ReportFeed>.Instance);
    private readonly List<long[]> _updates = [];

    public ReportChangeListenerTests()
    {
        Services.AddSingleton(_feed);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReportChangeListener.IntervalSetting] = "500" }).Build());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<ReportChangeListener>(p => p
            .Add(l => l.User, new PortalUser("u1", "Cán bộ", new HashSet<string> { Roles.Officer }, 7, "UBND Phường Vị Thanh", UnitKind.Ward))
            .Add(l => l.OnChange, (IReadOnlyList<ReportChange> changes) =>
            {
                lock (_updates)
                {
                    _updates.Add([.. changes.Select(c => c.ReportId)]);
                }

                return Task.CompletedTask;
            }));
    }

    [Fact]
    public async Task A_lone_change_shows_at_once_and_a_burst_after_it_becomes_one_more_update_with_every_change()
    {
        _feed.Publish(Change(1));
        await UntilAsync(() => Updates().Count == 1);

        for (var id = 2; id <= 6; id++)
        {
            _feed.Publish(Change(id));
        }

        Assert.Single(Updates()); // the page rests: the burst waits in its mailbox

        // The rest is on the app's clock; move it on (again, should the page not have started resting yet).
        await UntilAsync(() =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            return Updates().Count == 2;
        });
        Assert.Equal([[1L], [2L, 3L, 4L, 5L, 6L]], Updates());
    }

    [Fact]
    public async Task A_change_of_another_unit_never_reaches_the_page()
    {
        _feed.Publish(Change(1, unit: 8));
        _feed.Publish(Change(2));
        await UntilAsync(() => Updates().Count == 1);
        Assert.Equal([[2L]], Updates());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _feed.Dispose();
    }

    private List<long[]> Updates()
    {
        lock (_updates)
        {
            return [.. _updates];
        }
    }

    /// <summary>Checks <paramref name="condition"/> until it holds (10 s at most: then the assertion after it says why).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
    }

    private static ReportChange Change(long id, int unit = 7) =>
        new(id, $"HG-2026-{id:000000}", unit, null, ReportState.New, 1, IsNew: true, null, "Người dân", new DateTime(2026, 11, 18, 3, 0, 0, DateTimeKind.Utc));
}
