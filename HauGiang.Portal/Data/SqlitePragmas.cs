using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HauGiang.Portal.Data;

/// <summary>
/// Settings SQLite keeps per connection, set as each pooled connection opens.
/// <para>
/// <c>busy_timeout</c>: when another connection is writing, SQLite itself waits for the lock, retrying within a
/// millisecond or so of its release. Without it Microsoft.Data.Sqlite retries a busy statement after sleeping
/// 150 ms, blocking a pool thread: two writers that met (an Open311 POST and an officer's action) cost one of
/// them 150 ms or more — the p99 of a POST on an idle portal was 158 ms.
/// </para>
/// <para>
/// <c>mmap_size</c>: lets SQLite read the database file through a memory map (<c>PRAGMA mmap_size</c>, per connection, set as each one
/// opens): pages then come straight from the operating system's cache rather than being copied into each pooled
/// connection's own page cache of 2 MiB, which a query over tens of thousands of reports overflows at once. Counting
/// the 53,000 matches of a common phrase among 1,000,000 reports: ~100 ms → ~75 ms. <c>Database:SqliteMmapMiB</c>
/// (0 turns it off; SQLite caps it at its compiled maximum, 2 GiB by default); the address space is reserved, not
/// memory. Costs one statement per connection opened. An I/O error on the file then stops the process (SIGBUS)
/// instead of failing one query: acceptable for a local disk, to be turned off for a network share.
/// </para>
/// </summary>
internal sealed class SqlitePragmas(long mmapBytes) : DbConnectionInterceptor
{
    public const string MmapSetting = "Database:SqliteMmapMiB";
    public const long DefaultMmapMiB = 2048;

    /// <summary>Longer than any write the portal makes (a batch of intake), shorter than an HTTP client's patience.</summary>
    private const int BusyTimeoutMs = 5000;

    private readonly string _pragma = "PRAGMA busy_timeout = " + BusyTimeoutMs.ToString(CultureInfo.InvariantCulture) + ";"
        + (mmapBytes > 0 ? "PRAGMA mmap_size = " + mmapBytes.ToString(CultureInfo.InvariantCulture) + ";" : "");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
