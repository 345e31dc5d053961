using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Data;

/// <summary>
/// A database whose dashboard counters were kept before the grains (decision 019) upgrades in place: its rows become
/// the detail grain and their roll-ups are added, so the dashboard reads the same figures without a rebuild.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class CounterGrainsUpgradeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hg-grains-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Counters_kept_before_the_grains_get_their_roll_ups_on_upgrade()
    {
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_path};Pooling=false").Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_DashboardCounterGrains", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO DashboardCounters (Day, UnitId, CategoryId, AreaId, OfficerId, Received, Finished, Resolved, ResolvedOnTime, Rated, Satisfied)
            VALUES ('2026-11-02', 3, 1, 7, 'an', 2, 1, 1, 1, 0, 0),
                   ('2026-11-02', 3, 1, 7, '', 1, 0, 0, 0, 0, 0),
                   ('2026-11-02', 3, 2, 7, 'an', 0, 2, 2, 1, 1, 1),
                   ('2026-11-03', 4, 1, 0, 'binh', 5, 0, 0, 0, 0, 0);
            """);

        await migrator.MigrateAsync();

        var rows = (await db.DashboardCounters.AsNoTracking().ToListAsync())
            .Select(c => (c.Grain, c.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.UnitId, c.CategoryId, c.AreaId, c.OfficerId, c.Received, c.Finished, c.Resolved, c.ResolvedOnTime, c.Rated, c.Satisfied))
            .Order().ToList();
        Assert.Equal(
            [
                (DashboardCounterGrain.Detail, "2026-11-02", 3, 1, 7, "", 1, 0, 0, 0, 0, 0),
                (DashboardCounterGrain.Detail, "2026-11-02", 3, 1, 7, "an", 2, 1, 1, 1, 0, 0),
                (DashboardCounterGrain.Detail, "2026-11-02", 3, 2, 7, "an", 0, 2, 2, 1, 1, 1),
                (DashboardCounterGrain.Detail, "2026-11-03", 4, 1, 0, "binh", 5, 0, 0, 0, 0, 0),
                (DashboardCounterGrain.Place, "2026-11-02", 3, 1, 7, "", 3, 1, 1, 1, 0, 0),
                (DashboardCounterGrain.Place, "2026-11-02", 3, 2, 7, "", 0, 2, 2, 1, 1, 1),
                (DashboardCounterGrain.Place, "2026-11-03", 4, 1, 0, "", 5, 0, 0, 0, 0, 0),
                (DashboardCounterGrain.Officer, "2026-11-02", 3, 0, 0, "", 1, 0, 0, 0, 0, 0),
                (DashboardCounterGrain.Officer, "2026-11-02", 3, 0, 0, "an", 2, 3, 3, 2, 1, 1),
                (DashboardCounterGrain.Officer, "2026-11-03", 4, 0, 0, "binh", 5, 0, 0, 0, 0, 0),
            ],
            rows);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
