using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Data;

/// <summary>The one row that the readiness check writes: when the database last accepted a write.</summary>
public sealed class DatabaseProbe
{
    public int Id { get; set; }

    public DateTime WrittenAt { get; set; }
}

/// <summary>
/// Readiness: the database accepts a committed write. Reading is not enough — a read-only volume, a full disk or a
/// lock held by a stuck writer still answer every query, and the portal would look healthy while every report,
/// action and sign-in failed. One row updated per check: a page of WAL, far cheaper than any officer's action.
/// A writer that does not get the lock within <c>Health:WriteTimeoutMilliseconds</c> (default 2,000) counts as a
/// failure, so the check answers well within a load balancer's patience.
/// </summary>
internal sealed class DatabaseWriteProbe(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "database-write";
    public const string TimeoutSetting = "Health:WriteTimeoutMilliseconds";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeoutMs = Math.Clamp(configuration.GetValue(TimeoutSetting, 2000), 1, 60_000);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // The pooled connection's busy_timeout (5 s, SqlitePragmas) is for officers' writes; the probe gives up sooner.
                await db.Database.OpenConnectionAsync(cancellationToken);
                var pragma = "PRAGMA busy_timeout = " + timeoutMs.ToString(CultureInfo.InvariantCulture) + ";";
                await db.Database.ExecuteSqlRawAsync(pragma, cancellationToken);
            }
            else
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMilliseconds(Math.Max(1000, timeoutMs)));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.Set<DatabaseProbe>().Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.WrittenAt, now), cancellationToken) == 0)
            {
                db.Add(new DatabaseProbe { Id = 1, WrittenAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy("Writable");
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: " + (e.GetBaseException().Message));
        }
    }
}
