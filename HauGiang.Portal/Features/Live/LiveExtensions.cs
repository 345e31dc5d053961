using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace HauGiang.Portal.Features.Live;

public static class LiveExtensions
{
    /// <summary>
    /// The report feed, the SignalR hub for outside clients and, with <c>Redis:Configuration</c> set, the Redis
    /// bridge and backplane so that several instances behind a load balancer see each other's changes.
    /// </summary>
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportFeed>();
        var signalR = builder.Services.AddSignalR();
        builder.Services.AddHostedService<HubFeedBridge>();

        var redis = builder.Configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddHealthChecks().AddCheck("redis", () => HealthCheckResult.Healthy("Not configured: single instance"));
            return builder;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start without Redis and keep reconnecting
        options.ClientName = "haugiang-portal";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHostedService<RedisFeedBridge>();
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration = options.Clone();
            o.Configuration.ChannelPrefix = RedisChannel.Literal("haugiang-signalr");
        });
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<ReportsHub>(ReportsHub.Path);
        return app;
    }

    /// <summary>Degraded (not unhealthy) when Redis is away: each instance still serves its own users.</summary>
    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!redis.IsConnected)
            {
                return HealthCheckResult.Degraded("Redis is not reachable: live updates stay on this instance");
            }

            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis ping {latency.TotalMilliseconds:0} ms");
            }
            catch (RedisException ex)
            {
                return HealthCheckResult.Degraded("Redis ping failed", ex);
            }
        }
    }
}
