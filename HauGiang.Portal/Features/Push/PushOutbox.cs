using System.Threading.Channels;
using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// The messages waiting for <see cref="PushSender"/>. Bounded: when push services are down and it fills up, new
/// messages are dropped (counted) rather than held in memory without end — a push is a nudge, the queue and the
/// in-page notices still show the work.
/// </summary>
public sealed class PushOutbox
{
    public const int Capacity = 10_000;

    private readonly Channel<PushDelivery> _channel;
    private long _pending;
    private long _dropped;

    public PushOutbox()
    {
        _channel = Channel.CreateBounded<PushDelivery>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ =>
            {
                Interlocked.Decrement(ref _pending);
                Interlocked.Increment(ref _dropped);
            });
    }

    public ChannelReader<PushDelivery> Reader => _channel.Reader;

    /// <summary>Messages queued or being sent.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Messages dropped because the outbox was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Queue(PushDelivery delivery)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(delivery))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>Queues <paramref name="notice"/> for each of <paramref name="devices"/> not in <paramref name="sent"/> yet (one message per device and change).</summary>
    public async Task QueueAsync(IQueryable<WebPushSubscription> devices, PushNotice notice, IStringLocalizer<PushResource> text, HashSet<long> sent, CancellationToken ct)
    {
        var targets = await devices.AsNoTracking().Select(s => new { s.Id, s.Endpoint, s.P256dh, s.Auth }).ToListAsync(ct);
        if (targets.Count == 0)
        {
            return;
        }

        var payload = notice.ToPayload(text);
        foreach (var t in targets.Where(t => sent.Add(t.Id)))
        {
            Queue(new PushDelivery(t.Id, t.Endpoint, t.P256dh, t.Auth, payload, Urgent: notice.Kind != PushKind.DueSoon));
        }
    }

    /// <summary>The sender is done with a message (sent, refused or given up).</summary>
    public void Done() => Interlocked.Decrement(ref _pending);

    public void Complete() => _channel.Writer.TryComplete();
}
