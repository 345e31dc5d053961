using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>The live feed: a writer never waits for a page, each page hears only its scope, closed pages are gone.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ReportFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_publish_completes_although_a_subscriber_never_returns_and_the_others_still_hear_every_change()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var stuck = new TaskCompletionSource();
        var stuckCalls = 0;
        using var frozen = feed.Subscribe(FeedScope.Everything, (_, _) => { Interlocked.Increment(ref stuckCalls); return stuck.Task; });
        var heard = new Recorder(expected: 3);
        using var page = feed.Subscribe(FeedScope.Everything, heard.Handle);

        feed.Publish(Change(1, unit: 7));
        feed.Publish(Change(2, unit: 7));
        feed.Publish(Change(3, unit: 8));

        Assert.Equal([1L, 2L, 3L], await heard.WaitAsync());
        // Its loop may start after the other page heard everything (a busy machine): wait until it is inside its first
        // batch, then it stays there — the rest wait in its own mailbox.
        await WaitUntilAsync(() => Volatile.Read(ref stuckCalls) > 0);
        Assert.Equal(1, Volatile.Read(ref stuckCalls));
        stuck.SetResult();
    }

    [Fact]
    public async Task Fifty_subscribers_one_throws_the_others_get_the_change()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var recorders = Enumerable.Range(0, 49).Select(_ => new Recorder(expected: 1)).ToList();
        var subscriptions = recorders.Select(r => feed.Subscribe(FeedScope.Everything, r.Handle)).ToList();
        subscriptions.Insert(25, feed.Subscribe(FeedScope.Everything, (_, _) => throw new InvalidOperationException("circuit gone")));

        feed.Publish(Change(42, unit: 3));

        foreach (var r in recorders)
        {
            Assert.Equal([42L], await r.WaitAsync());
        }

        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_unit_page_hears_its_own_unit_and_reports_leaving_it_a_province_wide_page_hears_all()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var unit7 = new Recorder(expected: 2);
        var everything = new Recorder(expected: 3);
        using var a = feed.Subscribe(new FeedScope(7), unit7.Handle);
        using var b = feed.Subscribe(FeedScope.Everything, everything.Handle);

        feed.Publish(Change(1, unit: 7));
        feed.Publish(Change(2, unit: 8));
        feed.Publish(Change(3, unit: 9, previousUnit: 7)); // transferred away from unit 7

        Assert.Equal([1L, 3L], await unit7.WaitAsync());
        Assert.Equal([1L, 2L, 3L], await everything.WaitAsync());
    }

    [Fact]
    public async Task A_closed_page_is_unsubscribed_and_hears_nothing_more()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var before = feed.SubscriberCount;
        var closed = new Recorder(expected: 1);
        var open = new Recorder(expected: 2);
        var subscription = feed.Subscribe(new FeedScope(7), closed.Handle);
        using var other = feed.Subscribe(new FeedScope(7), open.Handle);
        Assert.Equal(before + 2, feed.SubscriberCount);

        feed.Publish(Change(1, unit: 7));
        Assert.Equal([1L], await closed.WaitAsync());
        subscription.Dispose();
        feed.Publish(Change(2, unit: 7));

        Assert.Equal([1L, 2L], await open.WaitAsync());
        Assert.Equal([1L], closed.Heard);
        Assert.Equal(before + 1, feed.SubscriberCount);
    }

    [Fact]
    public async Task A_page_that_cannot_keep_up_drops_the_oldest_changes_not_the_newest()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var gate = new TaskCompletionSource();
        var batches = new List<IReadOnlyList<ReportChange>>();
        var last = new TaskCompletionSource();
        using var slow = feed.Subscribe(FeedScope.Everything, async (changes, _) =>
        {
            lock (batches)
            {
                batches.Add(changes);
            }

            await gate.Task;
            if (changes[^1].ReportId == 100)
            {
                last.TrySetResult();
            }
        }, mailbox: 10);

        feed.Publish(Change(0, unit: 1));
        await WaitUntilAsync(() => batches.Count == 1);
        for (var i = 1; i <= 100; i++)
        {
            feed.Publish(Change(i, unit: 1));
        }

        await WaitUntilAsync(() => feed.Dropped == 90);
        gate.SetResult();
        await last.Task.WaitAsync(Patience);

        // The busy page got the first change, then the ten newest in one batch.
        Assert.Equal(Enumerable.Range(91, 10).Select(i => (long)i), batches[1].Select(c => c.ReportId));
    }

    [Fact]
    public void The_version_moves_when_a_change_is_published_before_anyone_hears_it()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var before = feed.Version;
        feed.Publish(Change(1, unit: 1));
        feed.Deliver(Change(2, unit: 1));
        Assert.Equal(before + 2, feed.Version);
    }

    [Fact]
    public async Task The_slowest_mailbox_and_each_delivery_are_measured_for_the_operators()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new Portal.Telemetry.PortalMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var lags = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == metrics.Meter && instrument.Name == "haugiang.live.delivery.lag")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            Assert.True(seconds >= 0);
            Interlocked.Increment(ref lags);
        });
        listener.Start();

        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance, metrics);
        var stuck = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var frozen = feed.Subscribe(FeedScope.Everything, (_, _) => { entered.TrySetResult(); return stuck.Task; });
        var heard = new Recorder(expected: 10);
        using var page = feed.Subscribe(FeedScope.Everything, heard.Handle);
        Assert.Equal(2, feed.SubscriberCount);

        // The frozen page takes the first change and sits on it: the nine others wait in its mailbox.
        feed.Publish(Change(1, unit: 7));
        await entered.Task.WaitAsync(Patience);
        for (var i = 2; i <= 10; i++)
        {
            feed.Publish(Change(i, unit: 7));
        }

        await heard.WaitAsync();
        await WaitUntilAsync(() => feed.SlowestMailbox == 9);
        Assert.True(Volatile.Read(ref lags) >= 11, $"each delivered change is measured ({lags})"); // ten to the page, one to the frozen one
        stuck.SetResult();
        await WaitUntilAsync(() => feed.SlowestMailbox == 0);
    }

    private static ReportChange Change(long id, int unit, int? previousUnit = null) =>
        new(id, $"HG-2026-{id:000000}", unit, previousUnit, ReportState.New, 1, IsNew: previousUnit is null, null, "Người dân", new DateTime(2026, 11, 18, 3, 0, 0, DateTimeKind.Utc));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>A subscriber that records the ids it heard and says when it heard as many as expected.</summary>
    private sealed class Recorder(int expected)
    {
        private readonly TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<long> _heard = [];

        public List<long> Heard
        {
            get
            {
                lock (_heard)
                {
                    return [.. _heard];
                }
            }
        }

        public Task Handle(IReadOnlyList<ReportChange> changes, CancellationToken ct)
        {
            lock (_heard)
            {
                _heard.AddRange(changes.Select(c => c.ReportId));
                if (_heard.Count >= expected)
                {
                    _enough.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }

        public async Task<List<long>> WaitAsync()
        {
            await _enough.Task.WaitAsync(Patience);
            return Heard;
        }
    }
}
