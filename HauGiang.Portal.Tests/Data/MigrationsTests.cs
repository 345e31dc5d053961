using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Data;

/// <summary>Both providers' migrations describe exactly the current model: no change was left without a migration.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=127.0.0.1;Database=unused;Encrypt=false").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQL Server migration: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=127.0.0.1;Database=unused;Encrypt=false").Options);
        static IEnumerable<string> Names(DbContext c) => c.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
