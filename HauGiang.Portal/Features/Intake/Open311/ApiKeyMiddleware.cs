using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Runs before the rate limiter on /open311: finds the API client from the key (header X-Api-Key, query or form
/// field api_key) so that the limiter can partition by client. It decides nothing itself: an endpoint that needs
/// a key carries <see cref="ApiKeyRequiredFilter"/> (403); the others take one if given.
/// <para>
/// The body is bounded before anything reads it: a declared length over the limit is a 413 at once, and a body
/// whose key is not in the header or query is read only as far as the key — a url-encoded form is small by nature
/// (<see cref="MaxFormBytes"/>), and in a multipart body the key must come before the photo files
/// (<see cref="KeyScanBytes"/>). So an anonymous caller costs at most that much reading, not a 52 MB upload, before
/// the rate limiter and the key check see it; a body cut short is a 400 (Open311ErrorMiddleware), never "missing api_key".
/// </para>
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    public const string ClientItem = "open311.client";
    public const string KeyGivenItem = "open311.key-given";

    /// <summary>Five photos of 10 MB and the fields: the POST body may exceed Kestrel's 30 MB default.</summary>
    public const long MaxPostBytes = 52 * 1024 * 1024;

    /// <summary>Any body but multipart (a url-encoded form: fields only, a description of 4,000 characters at most).</summary>
    public const long MaxFormBytes = 1024 * 1024;

    /// <summary>How far into a multipart body the key is looked for: the fields before the first file.</summary>
    public const int KeyScanBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http, ApiClientService clients)
    {
        string? key = http.Request.Headers["X-Api-Key"].FirstOrDefault() ?? http.Request.Query["api_key"].FirstOrDefault();
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var multipart = http.Request.HasFormContentType && http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
            var limit = multipart ? MaxPostBytes : MaxFormBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Request.ContentLength > limit)
            {
                await Open311ErrorMiddleware.Write(http, StatusCodes.Status413PayloadTooLarge, "Open311.BodyTooLarge").ExecuteAsync(http);
                return;
            }

            // A body that cannot be read throws here: Open311ErrorMiddleware answers 400 or 413.
            if (key is null && http.Request.HasFormContentType)
            {
                key = multipart
                    ? await MultipartKey.FindBeforeFilesAsync(http.Request, KeyScanBytes, http.RequestAborted)
                    : (await http.Request.ReadFormAsync(http.RequestAborted))["api_key"].FirstOrDefault();
            }
        }

        http.Items[KeyGivenItem] = !string.IsNullOrWhiteSpace(key);
        if (await clients.AuthenticateAsync(key, http.RequestAborted) is { } client)
        {
            http.Items[ClientItem] = client;
        }

        await next(http);
    }

    public static ApiClientIdentity? ClientOf(HttpContext http) => http.Items.TryGetValue(ClientItem, out var c) ? c as ApiClientIdentity : null;
}

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
