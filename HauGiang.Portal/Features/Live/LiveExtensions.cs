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
        builder.Services.AddSingleton<ReportCommitter>();
        builder.Services.AddSingleton<SharedReads>();
        var signalR = builder.Services.AddSignalR();
        builder.Services.AddHostedService<HubFeedBridge>();
        builder.Services.AddSingleton<InstanceDirectory>(); // heartbeats in Redis when configured (decision 014)
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InstanceDirectory>());

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
        KeepBlazorCircuitsOffTheBackplane(builder.Services);
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return builder;
    }

    /// <summary>
    /// The Redis backplane is for <see cref="ReportsHub"/>'s outside clients. Blazor's own circuits live on one
    /// instance (its WebSocket stays where it connected) and need no backplane; kept on it, they could not even start
    /// while Redis is down.
    /// So Blazor's (internal) ComponentHub gets the default in-memory lifetime manager.
    /// </summary>
    private static void KeepBlazorCircuitsOffTheBackplane(IServiceCollection services)
    {
        var componentHub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        services.AddSingleton(
            typeof(Microsoft.AspNetCore.SignalR.HubLifetimeManager<>).MakeGenericType(componentHub),
            typeof(Microsoft.AspNetCore.SignalR.DefaultHubLifetimeManager<>).MakeGenericType(componentHub));
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
