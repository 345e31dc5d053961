using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// A fixed one-minute window counted in Redis, so that one API client's limit holds across every instance (decision
/// 014): the first request of a window creates the key <c>haugiang:ratelimit:{partition}</c> with a one-minute
/// expiry, each request increments it, and a count over the limit is refused with the key's remaining time as
/// Retry-After. Redis's own expiry ends the window: no instance's clock is involved.
/// <para>
/// When Redis is not connected or a call fails, the request is counted by this instance's own fixed window
/// (<paramref name="fallback"/>) instead: during an outage N instances allow up to N times the limit, and no
/// request waits for Redis to come back.
/// </para>
/// </summary>
public sealed class SharedWindowLimiter(IConnectionMultiplexer redis, string partition, int permitLimit, RateLimiter fallback, ILogger logger) : RateLimiter
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // INCR and the expiry in one step: a key can never be left without its expiry (which would block the client).
    private static readonly LuaScript Count = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) " +
        "if n == 1 then redis.call('PEXPIRE', @key, @window) end " +
        "local ttl = redis.call('PTTL', @key) " +
        "if ttl < 0 then redis.call('PEXPIRE', @key, @window) ttl = tonumber(@window) end " +
        "return { n, ttl }");

    private readonly RedisKey _key = "haugiang:ratelimit:" + partition;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => fallback.GetStatistics();

    /// <summary>
    /// Never decides without asking Redis, which cannot be done synchronously without blocking a thread: the rate
    /// limiting middleware then asks <see cref="AcquireAsyncCore"/>, which does.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0 || !redis.IsConnected)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }

        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Count, new { key = _key, window = (long)Window.TotalMilliseconds }))!;
            var count = (long)result[0];
            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
            return count <= permitLimit ? Lease.Granted : Lease.Refused(remaining);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Redis rate limit count failed; counting on this instance");
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await fallback.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
