using System.Diagnostics;
using System.Threading.Channels;
using HauGiang.Portal.Telemetry;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// The in-process feed of committed report changes. A writer's <see cref="Publish"/> only drops the change into the
/// feed's inbox and returns: it never waits for a page. One dispatcher hands each change to the subscriptions whose
/// scope may show it (indexed by unit, plus the province-wide ones), each into that subscription's own bounded
/// mailbox, read by its own loop. A slow, frozen or dead page therefore delays only itself; when its mailbox is full
/// the oldest change is dropped (a page reloads on any change, so the newest ones are what matter).
/// Bridges to Redis and to the SignalR hub are subscriptions too, with larger mailboxes and local changes only.
/// See docs/decisions/008-live-feed.md.
/// </summary>
public sealed class ReportFeed : IDisposable
{
    /// <summary>Changes a page's mailbox holds before the oldest are dropped.</summary>
    public const int PageMailbox = 64;

    /// <summary>Changes handed to a subscriber at once, at most.</summary>
    private const int MaxBatch = 256;

    private readonly ILogger<ReportFeed> _logger;
    private readonly PortalMetrics? _metrics;

    // Published: a Stopwatch timestamp when someone measures the delivery lag, else 0.
    private readonly Channel<(ReportChange Change, bool Local, long Published)> _inbox =
        Channel.CreateUnbounded<(ReportChange, bool, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<Subscription>> _byUnit = [];
    private readonly List<Subscription> _everything = [];
    private readonly Task _dispatcher;
    private int _count;
    private long _version;
    private long _dropped;

    public ReportFeed(ILogger<ReportFeed> logger, PortalMetrics? metrics = null)
    {
        _logger = logger;
        _metrics = metrics;
        if (metrics is not null)
        {
            metrics.Meter.CreateObservableUpDownCounter("haugiang.live.subscribers", () => SubscriberCount, "{subscriber}", "Open pages and bridges listening to the live feed.");
            metrics.Meter.CreateObservableGauge("haugiang.live.mailbox.depth.max", () => SlowestMailbox, "{change}", "Changes waiting in the fullest subscriber mailbox now.");
            metrics.Meter.CreateObservableCounter("haugiang.live.dropped", () => Dropped, "{change}", "Changes dropped from full mailboxes (pages that could not keep up).");
        }

        _dispatcher = Task.Run(DispatchAsync);
    }

    /// <summary>
    /// Listens to the changes that <paramref name="scope"/> may see. <paramref name="handler"/> gets them in batches
    /// (all that arrived while it was busy), one batch at a time, on the subscription's own loop; the token is
    /// cancelled when the subscription is disposed.
    /// </summary>
    /// <param name="localOnly">Only changes made on this instance (for bridges that carry them to others).</param>
    public IDisposable Subscribe(FeedScope scope, Func<IReadOnlyList<ReportChange>, CancellationToken, Task> handler, int mailbox = PageMailbox, bool localOnly = false)
    {
        var subscription = new Subscription(this, scope, handler, mailbox, localOnly);
        lock (_gate)
        {
            ListFor(scope, create: true)!.Add(subscription);
            _count++;
        }

        return subscription;
    }

    /// <summary>Publishes a change committed on this instance. Never blocks: the change is delivered after the call returns.</summary>
    public void Publish(ReportChange change) => Enqueue(change, local: true);

    /// <summary>Hands over a change that another instance committed (from Redis); not carried on by the bridges.</summary>
    public void Deliver(ReportChange change) => Enqueue(change, local: false);

    /// <summary>Goes up with every change this instance hears of, the moment it is published or delivered.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Changes dropped from full mailboxes since start (pages that could not keep up).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Number of live subscriptions (open pages and bridges).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Changes waiting in the fullest mailbox now: the page or bridge furthest behind.</summary>
    public int SlowestMailbox
    {
        get
        {
            lock (_gate)
            {
                return _everything.Concat(_byUnit.Values.SelectMany(l => l)).Select(s => s.Waiting).DefaultIfEmpty(0).Max();
            }
        }
    }

    public void Dispose()
    {
        _inbox.Writer.TryComplete();
        Subscription[] all;
        lock (_gate)
        {
            all = [.. _everything, .. _byUnit.Values.SelectMany(l => l)];
        }

        foreach (var s in all)
        {
            s.Dispose();
        }
    }

    private void Enqueue(ReportChange change, bool local)
    {
        Interlocked.Increment(ref _version);
        _inbox.Writer.TryWrite((change, local, _metrics?.MeasuresDelivery == true ? Stopwatch.GetTimestamp() : 0));
    }

    private async Task DispatchAsync()
    {
        var targets = new List<Subscription>();
        await foreach (var (change, local, published) in _inbox.Reader.ReadAllAsync())
        {
            targets.Clear();
            lock (_gate)
            {
                targets.AddRange(_everything);
                if (change.UnitId is { } unit && _byUnit.TryGetValue(unit, out var ofUnit))
                {
                    targets.AddRange(ofUnit);
                }

                if (change.PreviousUnitId is { } previous && previous != change.UnitId && _byUnit.TryGetValue(previous, out var ofPrevious))
                {
                    targets.AddRange(ofPrevious);
                }
            }

            foreach (var s in targets)
            {
                if (local || !s.LocalOnly)
                {
                    s.Offer(change, published);
                }
            }
        }
    }

    private List<Subscription>? ListFor(FeedScope scope, bool create)
    {
        if (scope.UnitId is not { } unit)
        {
            return _everything;
        }

        if (!_byUnit.TryGetValue(unit, out var list) && create)
        {
            _byUnit[unit] = list = [];
        }

        return list;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            var list = ListFor(subscription.Scope, create: false);
            if (list is not null && list.Remove(subscription))
            {
                _count--;
                if (list.Count == 0 && subscription.Scope.UnitId is { } unit)
                {
                    _byUnit.Remove(unit);
                }
            }
        }
    }

    /// <summary>One subscriber: its mailbox and the loop that empties it into the handler.</summary>
    private sealed class Subscription : IDisposable
    {
        private readonly ReportFeed _feed;
        private readonly Func<IReadOnlyList<ReportChange>, CancellationToken, Task> _handler;
        private readonly Channel<(ReportChange Change, long Published)> _mailbox;
        private readonly CancellationTokenSource _stop = new(); // never disposed: it has no timer to release
        private int _disposed;

        public Subscription(ReportFeed feed, FeedScope scope, Func<IReadOnlyList<ReportChange>, CancellationToken, Task> handler, int mailbox, bool localOnly)
        {
            _feed = feed;
            _handler = handler;
            Scope = scope;
            LocalOnly = localOnly;
            _mailbox = Channel.CreateBounded<(ReportChange, long)>(
                new BoundedChannelOptions(Math.Max(1, mailbox)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref feed._dropped));
            _ = Task.Run(ReadAsync);
        }

        public FeedScope Scope { get; }

        public bool LocalOnly { get; }

        public void Offer(ReportChange change, long published) => _mailbox.Writer.TryWrite((change, published));

        /// <summary>Changes in the mailbox not yet picked up.</summary>
        public int Waiting => _mailbox.Reader.Count;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _feed.Remove(this);
                _stop.Cancel();
                _mailbox.Writer.TryComplete();
            }
        }

        private async Task ReadAsync()
        {
            var batch = new List<ReportChange>();
            try
            {
                while (await _mailbox.Reader.WaitToReadAsync(_stop.Token))
                {
                    batch.Clear();
                    _feed._metrics?.MailboxPickedUp(_mailbox.Reader.Count);
                    var now = _feed._metrics?.MeasuresDelivery == true ? Stopwatch.GetTimestamp() : 0;
                    while (batch.Count < MaxBatch && _mailbox.Reader.TryRead(out var item))
                    {
                        batch.Add(item.Change);
                        if (item.Published != 0 && now != 0)
                        {
                            _feed._metrics!.ChangeDelivered(item.Published, now);
                        }
                    }

                    try
                    {
                        await _handler([.. batch], _stop.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
                    {
                        // A page whose circuit is gone, or a bridge that is down: only this subscriber misses the change.
                        _feed._logger.LogDebug(ex, "A feed subscriber failed");
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }
    }
}
