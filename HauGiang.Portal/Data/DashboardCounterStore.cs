using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Data;

/// <summary>
/// Writes the dashboard's counters (<see cref="DashboardCounter"/>, decision 019): the differences a commit brings, in
/// that commit's transaction, and a rebuild from the reports.
/// </summary>
public static class DashboardCounterStore
{
    /// <summary>
    /// Adds the differences to their rows inside the caller's open transaction, after its SaveChanges: an UPDATE that
    /// adds in the database (so two commits never lose each other's count), and an INSERT for a row not there yet.
    /// Statements, not tracked entities, so that the caller's unsaved-yet-accepted changes are not saved twice.
    /// </summary>
    public static async Task ApplyAsync(PortalDbContext db, IReadOnlyList<DashboardCounter> differences, CancellationToken ct)
    {
        foreach (var d in differences)
        {
            var updated = await db.DashboardCounters
                .Where(c => c.Day == d.Day && c.UnitId == d.UnitId && c.CategoryId == d.CategoryId && c.AreaId == d.AreaId && c.OfficerId == d.OfficerId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Received, c => c.Received + d.Received)
                        .SetProperty(c => c.Finished, c => c.Finished + d.Finished)
                        .SetProperty(c => c.Resolved, c => c.Resolved + d.Resolved)
                        .SetProperty(c => c.ResolvedOnTime, c => c.ResolvedOnTime + d.ResolvedOnTime)
                        .SetProperty(c => c.Rated, c => c.Rated + d.Rated)
                        .SetProperty(c => c.Satisfied, c => c.Satisfied + d.Satisfied),
                    ct);
            if (updated == 0)
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO "DashboardCounters" ("Day", "UnitId", "CategoryId", "AreaId", "OfficerId", "Received", "Finished", "Resolved", "ResolvedOnTime", "Rated", "Satisfied")
                    VALUES ({d.Day}, {d.UnitId}, {d.CategoryId}, {d.AreaId}, {d.OfficerId}, {d.Received}, {d.Finished}, {d.Resolved}, {d.ResolvedOnTime}, {d.Rated}, {d.Satisfied})
                    """,
                    ct);
            }
        }
    }

    /// <summary>
    /// Every counter recomputed from the reports, in one transaction (readers see the old counts or the new ones).
    /// Run with the portal stopped or quiet: a report committed while it runs may be counted from a stale read.
    /// </summary>
    /// <returns>The number of counter rows written.</returns>
    public static async Task<int> RebuildAsync(PortalDbContext db, CancellationToken ct)
    {
        var rows = await DashboardTally.SumAsync(
            db.Reports.AsNoTracking()
                .Select(r => new { r.IsTest, r.UnitId, r.CategoryId, r.AreaId, r.AssignedOfficerId, r.State, r.ReceivedAt, r.DueAt, r.ResolvedAt, r.ClosedAt, r.Rating, r.RatedAt })
                .AsAsyncEnumerable()
                .Select(r => DashboardTally.Of(r.IsTest, r.UnitId, r.CategoryId, r.AreaId, r.AssignedOfficerId, r.State, r.ReceivedAt, r.DueAt, r.ResolvedAt, r.ClosedAt, r.Rating, r.RatedAt)),
            ct);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.DashboardCounters.ExecuteDeleteAsync(ct);
                foreach (var chunk in rows.Chunk(5000))
                {
                    db.DashboardCounters.AddRange(chunk);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }

                await tx.CommitAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
        });
        return rows.Count;
    }
}
