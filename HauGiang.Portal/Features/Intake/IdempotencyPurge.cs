namespace HauGiang.Portal.Features.Intake;

/// <summary>Forgets old Idempotency-Keys once an hour.</summary>
public sealed class IdempotencyPurge(IdempotencyService idempotency, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var n = await idempotency.PurgeAsync(stoppingToken);
                logger.LogDebug("Purged {Count} idempotency keys", n);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not purge idempotency keys");
            }
        }
    }
}
