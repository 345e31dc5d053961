using System.Text.Json;
using StackExchange.Redis;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// Carries feed changes between instances through Redis pub/sub. Each instance publishes its own changes and
/// delivers the others' (its own come back too and are skipped by instance id). If Redis goes away, the
/// multiplexer reconnects by itself; meanwhile each instance keeps serving its own users.
/// </summary>
public sealed class RedisFeedBridge(IConnectionMultiplexer redis, ReportFeed feed, ILogger<RedisFeedBridge> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("haugiang:report-changes");
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private sealed record Envelope(string Instance, ReportChange Change);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        feed.PublishedLocally += ForwardAsync;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) => _ = ReceiveAsync(message));
        }
        catch (RedisConnectionException ex)
        {
            // Subscriptions are restored by the multiplexer when Redis comes back.
            logger.LogWarning(ex, "Redis is not reachable; live updates stay on this instance until it is");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.PublishedLocally -= ForwardAsync;
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(ReportChange change)
    {
        if (!redis.IsConnected)
        {
            return;
        }

        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(_instance, change)));
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
            if (envelope is not null && envelope.Instance != _instance)
            {
                await feed.Deliver(envelope.Change);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed report change from Redis");
        }
    }
}
