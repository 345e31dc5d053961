using System.Text.Json;
using HauGiang.Portal.Telemetry;
using StackExchange.Redis;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// The instances of the portal that share this Redis (decision 014), for the admins' status page. Each instance
/// writes a heartbeat every <c>Instances:HeartbeatSeconds</c> (10): the key <c>haugiang:instance:{name}</c> holds its
/// name, version, start and circuits, and expires after three missed beats, so an instance that died leaves the list
/// by itself; the set <c>haugiang:instances</c> lists the names to look at. A clean stop removes its key at once.
/// Without Redis, or while it is away, the list is this instance alone.
/// </summary>
public sealed class InstanceDirectory(
    IServiceProvider services, PortalInstance instance, CircuitCounter circuits, TimeProvider clock, IConfiguration configuration, ILogger<InstanceDirectory> logger)
    : BackgroundService
{
    private const string SetKey = "haugiang:instances";
    private const string KeyPrefix = "haugiang:instance:";

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Instances:HeartbeatSeconds", 10.0), 0.5, 300));

    /// <summary><c>Instances:Name</c>, else the host name and a random suffix (two instances may share a host).</summary>
    public string Name { get; } = configuration["Instances:Name"] is { Length: > 0 } name
        ? name
        : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Whether instances are seen through Redis (else only this one is known).</summary>
    public bool Shared => _redis is not null;

    /// <summary>This instance now.</summary>
    public PortalInstanceInfo This => new(Name, PortalInstance.Version, instance.StartedAt, clock.GetUtcNow(), circuits.Open, circuits.Connected);

    /// <summary>Every instance whose heartbeat is alive, by name; this one always included.</summary>
    public async Task<IReadOnlyList<PortalInstanceInfo>> ListAsync()
    {
        var found = new Dictionary<string, PortalInstanceInfo>(StringComparer.Ordinal) { [Name] = This };
        if (_redis is not { IsConnected: true })
        {
            return [.. found.Values];
        }

        try
        {
            var db = _redis.GetDatabase();
            var names = await db.SetMembersAsync(SetKey);
            var values = await db.StringGetAsync([.. names.Select(n => (RedisKey)(KeyPrefix + n))]);
            for (var i = 0; i < names.Length; i++)
            {
                if (values[i].IsNullOrEmpty)
                {
                    // Its heartbeat expired: it stopped without saying so.
                    await db.SetRemoveAsync(SetKey, names[i], CommandFlags.FireAndForget);
                }
                else if (JsonSerializer.Deserialize<PortalInstanceInfo>(values[i].ToString()) is { } seen && seen.Name != Name)
                {
                    found[seen.Name] = seen;
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException)
        {
            logger.LogWarning(ex, "Could not read the instances from Redis");
        }

        return [.. found.Values.OrderBy(i => i.Name, StringComparer.Ordinal)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_redis is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(_interval, clock);
        do
        {
            await BeatAsync(_redis);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_redis is { IsConnected: true })
        {
            try
            {
                var db = _redis.GetDatabase();
                await db.KeyDeleteAsync(KeyPrefix + Name);
                await db.SetRemoveAsync(SetKey, Name);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The key expires by itself.
            }
        }
    }

    private async Task BeatAsync(IConnectionMultiplexer redis)
    {
        if (!redis.IsConnected)
        {
            return; // the multiplexer reconnects by itself; the next beat announces this instance again
        }

        try
        {
            var db = redis.GetDatabase();
            await db.StringSetAsync(KeyPrefix + Name, JsonSerializer.Serialize(This), _interval * 3);
            await db.SetAddAsync(SetKey, Name);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not write this instance's heartbeat to Redis");
        }
    }
}
