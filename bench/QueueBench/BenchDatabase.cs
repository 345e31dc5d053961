using Microsoft.Data.Sqlite;

namespace QueueBench;

/// <summary>
/// The benchmark's SQLite file. A completed load writes its "now" into <c>PRAGMA user_version</c> (Unix minutes):
/// a file with the right number of reports and that mark is reused, and the queue is measured at that same moment.
/// </summary>
internal static class BenchDatabase
{
    public sealed record State(long Reports, DateTime? GeneratedAt, long Bytes);

    public static async Task<State?> InspectAsync(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            var version = await ScalarAsync(connection, "PRAGMA user_version;");
            var reports = await ScalarAsync(connection, "SELECT count(*) FROM \"Reports\";");
            return new State(reports, version > 0 ? FromUserVersion(version) : null, Size(path));
        }
        catch (SqliteException)
        {
            return new State(0, null, Size(path)); // not a database of ours, or a load that never finished
        }
    }

    /// <summary>
    /// Keeps the file when it holds a finished load of <paramref name="reports"/> reports (and, if given, for the same
    /// moment); otherwise deletes it. Returns whether it was kept, what it held, and the moment to generate or measure at.
    /// </summary>
    public static async Task<(bool Reuse, State? Existing, DateTime Now)> ReuseOrDeleteAsync(string path, int reports, bool fresh, DateTime? now)
    {
        var existing = await InspectAsync(path);
        var reuse = !fresh && existing is { GeneratedAt: not null } && existing.Reports == reports
            && (now is null || ToUserVersion(now.Value) == ToUserVersion(existing.GeneratedAt.Value));
        if (!reuse)
        {
            Delete(path);
        }

        var generateFor = now ?? DateTime.UtcNow;
        var moment = reuse ? existing!.GeneratedAt!.Value : DateTime.SpecifyKind(new DateTime(generateFor.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        return (reuse, existing, moment);
    }

    /// <summary>The app's host over the file, production settings, quiet logs, its clock fixed at <paramref name="now"/>; add the app's services to it.</summary>
    public static WebApplicationBuilder CreateAppBuilder(string path, DateTime now)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = "",
            ["Admin:Password"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        return builder;
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    public static long Size(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public static long ToUserVersion(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMinutes;

    private static DateTime FromUserVersion(long minutes) => DateTime.SpecifyKind(DateTime.UnixEpoch.AddMinutes(minutes), DateTimeKind.Utc);

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The clock of the benchmark: the moment the data was generated, so that a reused file measures the same queue.</summary>
internal sealed class FixedTimeProvider(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
