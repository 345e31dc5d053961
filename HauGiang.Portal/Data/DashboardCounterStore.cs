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
    /// Adds the differences to their rows inside the caller's open transaction, after its SaveChanges: one statement
    /// for all of them that inserts a row not there yet and otherwise adds in the database (so two commits never lose
    /// each other's count) — SQLite's upsert, SQL Server's MERGE. One statement rather than an UPDATE and maybe an
    /// INSERT per row: intake's batches count every new report here, and a round trip per row cost the intake a
    /// fifth of its reports per second. Statements, not tracked entities, so that the caller's unsaved-yet-accepted
    /// changes are not saved twice.
    /// </summary>
    public static async Task ApplyAsync(PortalDbContext db, IReadOnlyList<DashboardCounter> differences, CancellationToken ct)
    {
        // 150 rows × 12 values stays under SQL Server's 2,100 parameters a statement.
        foreach (var chunk in differences.Chunk(ChunkRows))
        {
            var values = new List<object>(chunk.Length * 12);
            var rows = new List<string>(chunk.Length);
            foreach (var d in chunk)
            {
                var at = values.Count;
                rows.Add("(" + string.Join(", ", Enumerable.Range(at, 12).Select(i => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")) + ")");
                values.AddRange([(int)d.Grain, d.Day, d.UnitId, d.CategoryId, d.AreaId, d.OfficerId, d.Received, d.Finished, d.Resolved, d.ResolvedOnTime, d.Rated, d.Satisfied]);
            }

            var sql = db.Database.IsSqlServer() ? SqlServerMerge(string.Join(", ", rows)) : SqliteUpsert(string.Join(", ", rows));
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    private const int ChunkRows = 150;

    private const string Columns = "\"Grain\", \"Day\", \"UnitId\", \"CategoryId\", \"AreaId\", \"OfficerId\", \"Received\", \"Finished\", \"Resolved\", \"ResolvedOnTime\", \"Rated\", \"Satisfied\"";

    private static readonly string[] Counts = ["Received", "Finished", "Resolved", "ResolvedOnTime", "Rated", "Satisfied"];

    private static string SqliteUpsert(string rows) =>
        $"INSERT INTO \"DashboardCounters\" ({Columns}) VALUES {rows} " +
        "ON CONFLICT (\"Grain\", \"Day\", \"UnitId\", \"CategoryId\", \"AreaId\", \"OfficerId\") DO UPDATE SET " +
        string.Join(", ", Counts.Select(c => $"\"{c}\" = \"{c}\" + excluded.\"{c}\"")) + ";";

    // HOLDLOCK: two commits that both find a row missing must not both insert it.
    private static string SqlServerMerge(string rows) =>
        $"MERGE INTO [DashboardCounters] WITH (HOLDLOCK) AS t USING (VALUES {rows}) AS s ([Grain], [Day], [UnitId], [CategoryId], [AreaId], [OfficerId], [Received], [Finished], [Resolved], [ResolvedOnTime], [Rated], [Satisfied]) " +
        "ON t.[Grain] = s.[Grain] AND t.[Day] = s.[Day] AND t.[UnitId] = s.[UnitId] AND t.[CategoryId] = s.[CategoryId] AND t.[AreaId] = s.[AreaId] AND t.[OfficerId] = s.[OfficerId] " +
        "WHEN MATCHED THEN UPDATE SET " + string.Join(", ", Counts.Select(c => $"t.[{c}] = t.[{c}] + s.[{c}]")) + " " +
        "WHEN NOT MATCHED THEN INSERT ([Grain], [Day], [UnitId], [CategoryId], [AreaId], [OfficerId], [Received], [Finished], [Resolved], [ResolvedOnTime], [Rated], [Satisfied]) " +
        "VALUES (s.[Grain], s.[Day], s.[UnitId], s.[CategoryId], s.[AreaId], s.[OfficerId], s.[Received], s.[Finished], s.[Resolved], s.[ResolvedOnTime], s.[Rated], s.[Satisfied]);";

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
