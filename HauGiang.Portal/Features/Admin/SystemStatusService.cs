using HauGiang.Portal.Data;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;
using HauGiang.Portal.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// What an operator wants to see at a glance on "Tình trạng hệ thống": the readiness checks (the same as
/// <c>/health/ready</c>), pages open on this instance, how far behind the live feed's slowest page is, the intake of
/// the last hour and day, the database's size and the free disk beside it, which build has run since when, and the other instances
/// seen through Redis (<see cref="InstanceDirectory"/>).
/// Admins only: province-wide figures and the state of the machine.
/// </summary>
public sealed class SystemStatusService(
    HealthCheckService health,
    CircuitCounter circuits,
    ReportFeed feed,
    PortalInstance instance,
    InstanceDirectory instances,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock)
{
    public sealed record Check(string Name, HealthStatus Status, string? Description);

    public sealed record Snapshot(
        HealthStatus Overall,
        IReadOnlyList<Check> Checks,
        int CircuitsOpen,
        int CircuitsConnected,
        int FeedSubscribers,
        int SlowestMailbox,
        long FeedDropped,
        int ReceivedLastHour,
        int ReceivedLastDay,
        long? DatabaseBytes,
        long? FreeDiskBytes,
        string Version,
        string Instance,
        DateTime StartedAtUtc,
        TimeSpan Uptime,
        DateTime TakenAtUtc,
        string InstanceName,
        bool InstancesShared,
        IReadOnlyList<PortalInstanceInfo> Instances);

    public async Task<Snapshot?> TakeAsync(PortalUser? user, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return null;
        }

        var report = await health.CheckHealthAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hourAgo = now.AddHours(-1);
        var dayAgo = now.AddDays(-1);
        // Citizens' reports only: a sandbox client's test requests are nobody's work (decision 017).
        var lastHour = await db.Reports.CountAsync(r => r.ReceivedAt > hourAgo && r.ReceivedAt <= now && !r.IsTest, ct);
        var lastDay = await db.Reports.CountAsync(r => r.ReceivedAt > dayAgo && r.ReceivedAt <= now && !r.IsTest, ct);
        var (size, free) = await StorageAsync(db, ct);

        return new Snapshot(
            report.Status,
            report.Entries.Select(e => new Check(e.Key, e.Value.Status, e.Value.Description)).ToList(),
            circuits.Open,
            circuits.Connected,
            feed.SubscriberCount,
            feed.SlowestMailbox,
            feed.Dropped,
            lastHour,
            lastDay,
            size,
            free,
            PortalInstance.Version,
            Environment.MachineName,
            instance.StartedAt.UtcDateTime,
            instance.Uptime,
            now,
            instances.Name,
            instances.Shared,
            await instances.ListAsync());
    }

    /// <summary>SQLite: the file with its write-ahead log, and the free space of its disk. SQL Server: the data and log files.</summary>
    private static async Task<(long? Size, long? Free)> StorageAsync(PortalDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (string.IsNullOrEmpty(path) || path == ":memory:" || !File.Exists(path))
            {
                return (null, null);
            }

            var wal = new FileInfo(path + "-wal");
            var size = new FileInfo(path).Length + (wal.Exists ? wal.Length : 0);
            return (size, FreeSpace(path));
        }

        var pages = await db.Database.SqlQueryRaw<long>(SqlServerSizeQuery).SingleAsync(ct);
        return (pages * 8192, null);
    }

    /// <summary>Pages of 8 KB in the database's files (data and log), as sys.database_files counts them.</summary>
    internal const string SqlServerSizeQuery = "SELECT CAST(SUM(CAST(size AS bigint)) AS bigint) AS [Value] FROM sys.database_files";

    private static long? FreeSpace(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
