using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// The daily backup as a health check, so that the status page and any monitor see a failed or overdue backup:
/// degraded (not unhealthy: the portal still serves, and a load balancer must not take it out) when the last attempt
/// failed or no set has been taken since the last daily slot plus an hour's grace. The folder is listed at most
/// every ten minutes; a set taken since is known from the service's last attempt.
/// </summary>
internal sealed class BackupHealthCheck(BackupService backups, IOptions<BackupOptions> options, TimeProvider clock) : IHealthCheck, IDisposable
{
    public const string Name = "backup";

    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);
    private static readonly TimeSpan ListEvery = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _listing = new(1, 1);
    private (DateTime ListedUtc, DateTime? NewestUtc)? _listed;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!backups.IsSqlite)
        {
            return HealthCheckResult.Healthy("SQL Server: backed up by the operator's jobs (docs/deploy.md)");
        }

        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Scheduled backups are off (Backup:Enabled)");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newest = await NewestAsync(now, cancellationToken);
        if (backups.LastAttempt is { Succeeded: false } failed && (newest is null || failed.StartedAtUtc > newest))
        {
            // The cause (often a path) is for admins on /admin/backups and the log, not for this public answer.
            return HealthCheckResult.Degraded("The last backup failed at " + failed.FinishedAtUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " (see /admin/backups)");
        }

        var slot = BackupPolicy.LastSlotUtc(now, options.Value.LocalTime);
        if ((newest is null || newest < slot) && now - slot > Grace)
        {
            return HealthCheckResult.Degraded("No backup since the daily slot of " + slot.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        return HealthCheckResult.Healthy(newest is { } n ? "Last backup started " + n.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "No backup yet");
    }

    public void Dispose() => _listing.Dispose();

    private async Task<DateTime?> NewestAsync(DateTime now, CancellationToken ct)
    {
        DateTime? newest;
        await _listing.WaitAsync(ct);
        try
        {
            if (_listed is not { } listed || now - listed.ListedUtc > ListEvery)
            {
                var sets = await backups.ListAsync(ct);
                _listed = listed = (now, sets.Count > 0 ? sets.Max(s => s.StartedAtUtc) : null);
            }

            newest = listed.NewestUtc;
        }
        finally
        {
            _listing.Release();
        }

        return backups.LastAttempt is { Succeeded: true } done && (newest is null || done.StartedAtUtc > newest) ? done.StartedAtUtc : newest;
    }
}
