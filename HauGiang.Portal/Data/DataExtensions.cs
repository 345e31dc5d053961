using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HauGiang.Portal.Data;

public static class DataExtensions
{
    /// <summary>
    /// Registers the database: SQLite (file under App_Data, the default) or SQL Server, chosen by
    /// <c>Database:Provider</c>. Features ask for <see cref="IDbContextFactory{PortalDbContext}"/> and create one
    /// context per operation; Identity gets a scoped context from the same factory.
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var provider = DatabaseProviderConfiguration.Read(builder.Configuration);
        var connectionString = ConnectionString(builder.Configuration, builder.Environment.ContentRootPath, provider, createFolder: builder.Environment.IsDevelopment());

        if (provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContextFactory<SqlServerPortalDbContext>((sp, o) => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure())
                .AddInterceptors(sp.GetRequiredService<ReferenceDataWrites>()));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlServerPortalDbContext>>();
        }
        else
        {
            var mmapMiB = builder.Configuration.GetValue(SqlitePragmas.MmapSetting, SqlitePragmas.DefaultMmapMiB);
            builder.Services.AddDbContextFactory<SqlitePortalDbContext>((sp, o) => o.UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(Math.Max(0, mmapMiB) * 1024 * 1024), sp.GetRequiredService<ReferenceDataWrites>()));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }

        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        // Every write of categories, units, areas, rules, the calendar or API clients raises one change signal (decision 018).
        builder.Services.AddReferenceData(builder.Configuration);

        // Keys in the database: any instance behind the load balancer can read any instance's cookies.
        builder.Services.AddDataProtection().SetApplicationName("HauGiang.Portal").PersistKeysToDbContext<PortalDbContext>();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddTransient<DatabaseInitializer>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<DatabaseWriteProbe>(DatabaseWriteProbe.Name)
            .AddCheck<MigrationsCheck>(MigrationsCheck.Name);
        return builder;
    }

    /// <summary>
    /// Creates or migrates the database and seeds reference and (if enabled) demo data. False when the database cannot
    /// be used (a missing folder, a read-only file, no space): the reason is logged in one line that names the path and
    /// the setting, and the caller exits with a non-zero code instead of serving an empty or frozen portal.
    /// </summary>
    public static async Task<bool> InitialiseDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer).FullName!);
        var provider = DatabaseProviderConfiguration.Read(app.Configuration);
        var connectionString = ConnectionString(app.Configuration, app.Environment.ContentRootPath, provider, createFolder: false);
        if (DatabaseStartup.MissingFolder(provider, connectionString) is { } folder)
        {
            logger.LogCritical(DatabaseStartup.MissingFolderMessage, folder, DatabaseStartup.Setting);
            return false;
        }

        try
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (DatabaseStartup.DatabaseError(e) is { } error)
        {
            logger.LogCritical(DatabaseStartup.UnusableMessage, DatabaseStartup.Describe(provider, connectionString), error.Message, DatabaseStartup.Setting);
            return false;
        }
    }

    /// <param name="createFolder">
    /// Development only: a missing folder for the SQLite file is created. Elsewhere it is an error at start
    /// (<see cref="DatabaseStartup"/>): an unmounted volume must not quietly become a new, empty database.
    /// </param>
    internal static string ConnectionString(IConfiguration configuration, string contentRoot, DatabaseProvider provider, bool createFolder)
    {
        var cs = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(cs)
                ? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is empty.")
                : cs;
        }

        // SQLite: a relative file path is taken from the content root.
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(cs) ? "Data Source=App_Data/haugiang.db" : cs);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        }

        if (createFolder && sqlite.DataSource != ":memory:" && Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        sqlite.Pooling = true;
        return sqlite.ToString();
    }

    /// <summary>Hands out the provider's derived context as the provider-neutral <see cref="PortalDbContext"/>.</summary>
    private sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
        where TContext : PortalDbContext
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

internal static class DatabaseProviderConfiguration
{
    /// <summary>Reads <c>Database:Provider</c>: "Sqlite" (default) or "SqlServer".</summary>
    public static DatabaseProvider Read(IConfiguration configuration) =>
        configuration["Database:Provider"] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var p when p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            var p when p.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.SqlServer,
            var p => throw new InvalidOperationException($"Unknown Database:Provider '{p}'. Use Sqlite or SqlServer."),
        };
}

/// <summary>Lets `dotnet ef` build each provider's context without running the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=.;Database=HauGiangPortal;Trusted_Connection=True").Options);
}
