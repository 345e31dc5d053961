using System.Text.Json;
using StackExchange.Redis;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// Carries feed changes between instances through Redis pub/sub. Each instance publishes its own changes and
/// delivers the others' (its own come back too and are skipped by instance id). If Redis goes away, the
/// multiplexer reconnects by itself; meanwhile each instance keeps serving its own users. Outgoing changes are a feed
/// subscription of their own (local changes only), so a slow Redis never holds a writer.
/// </summary>
public sealed class RedisFeedBridge(IConnectionMultiplexer redis, ReportFeed feed, ILogger<RedisFeedBridge> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("haugiang:report-changes");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private IDisposable? _subscription;

    private sealed record Envelope(string Instance, ReportChange Change);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(FeedScope.Everything, ForwardAsync, mailbox: 10_000, localOnly: true);
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) => Receive(message));
        }
        catch (RedisConnectionException ex)
        {
            // Subscriptions are restored by the multiplexer when Redis comes back.
            logger.LogWarning(ex, "Redis is not reachable; live updates stay on this instance until it is");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(IReadOnlyList<ReportChange> changes, CancellationToken ct)
    {
        if (!redis.IsConnected)
        {
            return;
        }

        var subscriber = redis.GetSubscriber();
        foreach (var change in changes)
        {
            try
            {
                await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(_instance, change)));
            }
            catch (RedisException ex)
            {
                // The change is committed; the other instances' pages catch up on their next change or reload.
                logger.LogWarning(ex, "Could not forward report change {Code}", change.Code);
            }
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
            if (envelope is not null && envelope.Instance != _instance)
            {
                feed.Deliver(envelope.Change);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed report change from Redis");
        }
    }
}
