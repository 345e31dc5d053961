namespace HauGiang.Portal.Features.Live;

/// <summary>
/// The in-process feed of committed report changes (dotnet/eShop's OrderStatusNotificationService is the model):
/// services publish once after a commit; components subscribe and dispose their subscription. With Redis
/// configured, <see cref="RedisFeedBridge"/> carries changes between instances and calls <see cref="Deliver"/>.
/// </summary>
public sealed class ReportFeed(ILogger<ReportFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];
    private long _version;

    /// <summary>Raised for changes made on this instance, for the bridges that carry them elsewhere (Redis, SignalR).</summary>
    public event Func<ReportChange, Task>? PublishedLocally;

    public IDisposable Subscribe(Func<ReportChange, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Publishes a change committed on this instance: to local subscribers and to the bridges.</summary>
    public async Task PublishAsync(ReportChange change)
    {
        await Deliver(change);
        if (PublishedLocally is { } bridges)
        {
            foreach (var bridge in bridges.GetInvocationList().Cast<Func<ReportChange, Task>>())
            {
                try
                {
                    await bridge(change);
                }
                catch (Exception ex)
                {
                    // A bridge that is down (Redis gone) must not fail the action that already committed.
                    logger.LogWarning(ex, "Could not forward report change {Code}", change.Code);
                }
            }
        }
    }

    /// <summary>Goes up with every change this instance hears of (its own and, through Redis, the others').</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Hands a change to this instance's subscribers (also used for changes that came from other instances).</summary>
    public async Task Deliver(ReportChange change)
    {
        Interlocked.Increment(ref _version);
        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscriptions];
        }

        foreach (var s in subscribers)
        {
            try
            {
                await s.Handler(change);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "A feed subscriber failed (its circuit may be gone)");
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    /// <summary>Number of live subscriptions (for health and tests).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    private sealed class Subscription(ReportFeed feed, Func<ReportChange, Task> handler) : IDisposable
    {
        public Func<ReportChange, Task> Handler { get; } = handler;

        public void Dispose() => feed.Remove(this);
    }
}
