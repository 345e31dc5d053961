using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The update feed's own limit (<see cref="IntakeOptions.UpdateFeedRequestsPerMinute"/> per client; per IP without
/// a key), in windows apart from <see cref="Open311RateLimitPolicy"/>'s (also in Redis, under "updates:"): polling for
/// updates and sending reports never use up each other's allowance.
/// </summary>
public sealed class Open311UpdateFeedRateLimitPolicy(IOptions<IntakeOptions> options, IServiceProvider services, ILogger<Open311UpdateFeedRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "open311-updates";

    private readonly StackExchange.Redis.IConnectionMultiplexer? _redis = services.GetService<StackExchange.Redis.IConnectionMultiplexer>();

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Open311RateLimitPolicy.RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        Open311RateLimitPolicy.Partition(httpContext, "updates:", _ => options.Value.UpdateFeedRequestsPerMinute, options.Value.AnonymousRequestsPerMinute, _redis, logger);
}
