using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Data;

/// <summary>
/// Readiness: every migration of this build is applied. An instance of a new version started beside a database that
/// its start-up could not upgrade (or one restored from an old backup) would fail on the first query that touches a
/// new column; the load balancer should not send it users.
/// </summary>
internal sealed class MigrationsCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public const string Name = "migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("All applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} not applied, first {pending[0]}");
        }
        catch (System.Data.Common.DbException e)
        {
            return HealthCheckResult.Unhealthy("Cannot read the migrations history: " + e.GetBaseException().Message);
        }
    }
}
