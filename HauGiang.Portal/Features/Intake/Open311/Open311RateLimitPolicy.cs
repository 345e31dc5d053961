using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The built-in rate limiter, one fixed one-minute window per API client at its own RequestsPerMinute; calls
/// without a valid key share a per-IP window. With Redis configured the windows are counted in Redis
/// (<see cref="SharedWindowLimiter"/>), so a limit holds across all instances; without it, or while Redis is away,
/// each instance counts alone. Refusals are 429 with Retry-After, in the Open311 error format.
/// The whole /open311/v2 group carries this policy; the update feed carries <see cref="Open311UpdateFeedRateLimitPolicy"/>
/// on the endpoint, which replaces the group's there (the limiter takes the endpoint's own policy): so each call is
/// counted in exactly one of the two.
/// </summary>
public sealed class Open311RateLimitPolicy(IOptions<IntakeOptions> options, IServiceProvider services, ILogger<Open311RateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "open311";

    // Registered by the Live feature when Redis:Configuration is set.
    private readonly StackExchange.Redis.IConnectionMultiplexer? _redis = services.GetService<StackExchange.Redis.IConnectionMultiplexer>();

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        Partition(httpContext, "", client => client.RequestsPerMinute, options.Value.AnonymousRequestsPerMinute, _redis, logger);

    /// <summary>
    /// A one-minute window per client (the limit is in the key: a changed limit takes effect with the next window),
    /// else per IP; <paramref name="prefix"/> keeps another policy's windows apart in Redis.
    /// </summary>
    internal static RateLimitPartition<string> Partition(HttpContext httpContext, string prefix, Func<ApiClientIdentity, int> perClient, int anonymous,
        StackExchange.Redis.IConnectionMultiplexer? redis, ILogger logger)
    {
        var (key, limit) = ApiKeyMiddleware.ClientOf(httpContext) is { } client
            ? ($"{prefix}client:{client.Id}:{Math.Max(1, perClient(client))}", Math.Max(1, perClient(client)))
            : ($"{prefix}ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"), Math.Max(1, anonymous));
        if (redis is null)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => LocalWindow(limit));
        }

        return RateLimitPartition.Get(key, k => new SharedWindowLimiter(redis, k, limit, new FixedWindowRateLimiter(LocalWindow(limit)), logger));
    }

    /// <summary>429 with Retry-After (seconds), in the Open311 error format of the path's extension.</summary>
    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
        var text = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = text;
        var format = Open311Endpoints.ParseFormat(http.GetRouteValue("format") as string) ?? Open311Format.Json;
        var english = IntakeText.WantsEnglish(http);
        await Open311Result.Error(StatusCodes.Status429TooManyRequests, IntakeText.Get("Open311.TooManyRequests", english, text), format).ExecuteAsync(http);
    }

    private static FixedWindowRateLimiterOptions LocalWindow(int limit) => new()
    {
        PermitLimit = limit,
        Window = SharedWindowLimiter.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
