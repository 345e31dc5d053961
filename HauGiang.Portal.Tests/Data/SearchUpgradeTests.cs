using HauGiang.Portal.Data;
using HauGiang.Portal.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Data;

/// <summary>A database from before text search upgrades in place, and its reports become searchable.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class SearchUpgradeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hg-upgrade-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Reports_stored_before_the_search_column_are_found_after_the_upgrade_and_keep_the_index_sound()
    {
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_path};Pooling=false").Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_SearchAndQueueIndexes", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO Reports (Id, Code, Description, CategoryId, Latitude, Longitude, Address, State, Priority, Source, ReceivedAt, DueAt, IsPublic, Version)
            VALUES (1, 'HG-2026-000001', 'Lấn chiếm vỉa hè trước chợ', 1, 9.78, 105.47, 'Đường Trần Hưng Đạo', 0, 0, 0, '2026-11-01 02:00:00', '2026-11-05 10:00:00', 1, 0),
                   (2, 'HG-2026-000002', 'Đèn đường hỏng', 1, 9.78, 105.47, NULL, 0, 0, 0, '2026-11-01 02:00:00', '2026-11-05 10:00:00', 1, 0);
            """);

        await migrator.MigrateAsync();
        await DatabaseInitializer.FillSearchTextAsync(db, NullLogger.Instance, default);

        Assert.Equal([1L], await MatchAsync(db, "\"via he\" *"));
        Assert.Equal([1L], await MatchAsync(db, "\"tran hung d\" *"));
        Assert.Equal([2L], await MatchAsync(db, "\"den duong\" *"));

        // Later edits and deletes keep the index in step with the rows (FTS5 checks itself).
        var lamp = await db.Reports.SingleAsync(r => r.Id == 2);
        lamp.Description = "Cột đèn nghiêng";
        await db.SaveChangesAsync();
        await db.Reports.Where(r => r.Id == 1).ExecuteDeleteAsync();
        Assert.Empty(await MatchAsync(db, "\"via he\" *"));
        Assert.Equal([2L], await MatchAsync(db, "\"cot den\" *"));
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ReportSearch(ReportSearch) VALUES ('integrity-check');");
    }

    private static Task<List<long>> MatchAsync(PortalDbContext db, string query) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM ReportSearch WHERE ReportSearch MATCH {query} ORDER BY rowid").ToListAsync();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
