using StackExchange.Redis;

namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// Carries <see cref="ReferenceDataSignal"/> between instances through Redis pub/sub, on the connection the live feed
/// opened (registered only when <c>Redis:Configuration</c> is set; without it the signal stays in-process). A message
/// says only "reference data changed": each instance then reads its copy again from the shared database. When Redis
/// comes back after an outage the signal is raised here too, since messages sent meanwhile are lost; between the two,
/// <see cref="ReferenceDataCache.SafetyNet"/> bounds how long a copy can be stale.
/// </summary>
public sealed class ReferenceDataRedisBridge(IServiceProvider services, ReferenceDataSignal signal, ILogger<ReferenceDataRedisBridge> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("haugiang:reference-changes");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private IConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = services.GetService<IConnectionMultiplexer>();
        if (_redis is null)
        {
            return;
        }

        signal.ChangedHere += Publish;
        _redis.ConnectionRestored += Restored;
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            {
                if (message != _instance)
                {
                    signal.RaiseFromElsewhere();
                }
            });
        }
        catch (RedisConnectionException ex)
        {
            // The multiplexer restores the subscription when Redis comes back (and Restored raises the signal).
            logger.LogWarning(ex, "Redis is not reachable; reference data changes reach the other instances within {Minutes} min", ReferenceDataCache.SafetyNet.TotalMinutes);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signal.ChangedHere -= Publish;
        if (_redis is not null)
        {
            _redis.ConnectionRestored -= Restored;
        }

        return Task.CompletedTask;
    }

    private void Restored(object? sender, ConnectionFailedEventArgs e) => signal.RaiseFromElsewhere();

    private void Publish()
    {
        // Fire and forget: the writer has committed and must neither wait for Redis nor fail with it.
        try
        {
            _redis?.GetSubscriber().Publish(Channel, _instance, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not tell the other instances of a reference data change; they see it within {Minutes} min", ReferenceDataCache.SafetyNet.TotalMinutes);
        }
    }
}
