using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// The daily backup: looks at the app's clock every <see cref="BackupOptions.CheckSeconds"/> and takes a set when
/// one is due (<see cref="BackupPolicy.IsDue"/>). Looking rather than sleeping until 02:00 keeps it right when the
/// clock is moved (tests, a corrected server clock) and after the machine slept.
/// </summary>
internal sealed class BackupScheduler(BackupService backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !backups.IsSqlite)
        {
            if (backups.IsSqlite)
            {
                logger.LogInformation("Scheduled backups are off (Backup:Enabled)");
            }
            else
            {
                logger.LogInformation("Scheduled backups are off: SQL Server is backed up by its own jobs (docs/deploy.md)");
            }

            return;
        }

        var timeOfDay = settings.LocalTime;
        var interval = TimeSpan.FromSeconds(Math.Clamp(settings.CheckSeconds, 0.05, 3600));
        try
        {
            // Read once; later sets (scheduled or taken by hand) are known from the service's last attempt.
            var sets = await backups.ListAsync(stoppingToken);
            DateTime? newest = sets.Count > 0 ? sets[0].StartedAtUtc : null;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (backups.LastAttempt is { Succeeded: true } done && (newest is null || done.StartedAtUtc > newest))
                {
                    newest = done.StartedAtUtc;
                }

                if (IsDue(timeOfDay, settings, newest))
                {
                    await backups.RunAsync(BackupTrigger.Scheduled, stoppingToken);
                }

                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; an unfinished set is removed at the next start.
        }
    }

    private bool IsDue(TimeOnly timeOfDay, BackupOptions settings, DateTime? newest)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (backups.LastAttempt is { Succeeded: false } failed && now - failed.FinishedAtUtc < TimeSpan.FromMinutes(settings.RetryMinutes))
        {
            return false;
        }

        return BackupPolicy.IsDue(now, timeOfDay, newest);
    }
}
