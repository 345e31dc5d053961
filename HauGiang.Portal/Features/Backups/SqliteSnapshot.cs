using Microsoft.Data.Sqlite;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// A consistent copy of the live SQLite database while the portal runs and takes writes, through SQLite's online
/// backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>), then checked on the copy.
/// <para>
/// Why the backup API and not <c>VACUUM INTO</c>: both read one snapshot inside a read transaction, which in WAL mode
/// never blocks the writers (intake and officers go on committing to the WAL). The backup API copies pages as they are;
/// <c>VACUUM INTO</c> rebuilds every table and index into the new file, which costs far more CPU on the two cores the
/// portal shares with its users, for a file that is only somewhat smaller (free pages). Microsoft.Data.Sqlite runs the
/// copy in one step (<c>sqlite3_backup_step(-1)</c>), so no write can restart it halfway.
/// </para>
/// </summary>
internal static class SqliteSnapshot
{
    public static async Task<DatabaseCopy> CopyAsync(string sourceDatabase, string targetFile, CancellationToken ct)
    {
        // ReadWrite, not ReadOnly: a reader of a WAL database needs its shared-memory file; never Create (a missing file is an error).
        await using (var source = Open(sourceDatabase, SqliteOpenMode.ReadWrite))
        await using (var target = Open(targetFile, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            await ExecuteAsync(source, "PRAGMA busy_timeout = 5000;", ct);

            // Synchronous in Microsoft.Data.Sqlite: off the caller's thread, it reads the whole file.
            await Task.Run(() => source.BackupDatabase(target), ct);

            // The copy carries the source's WAL flag; one self-contained file is what a set should hold.
            await ExecuteAsync(target, "PRAGMA journal_mode = DELETE;", ct);
        }

        return await VerifyAsync(targetFile, ct);
    }

    /// <summary>
    /// Opens the copy as SQLite itself would: <c>PRAGMA integrity_check</c> (every page, index and constraint),
    /// then what it holds. A copy that is not "ok" is not a backup.
    /// </summary>
    public static async Task<DatabaseCopy> VerifyAsync(string file, CancellationToken ct)
    {
        string integrity;
        long reports, events, photos;
        await using (var db = Open(file, SqliteOpenMode.ReadOnly))
        {
            await db.OpenAsync(ct);
            integrity = string.Join("; ", await ReadAllAsync(db, "PRAGMA integrity_check;", ct));
            reports = await CountAsync(db, "SELECT COUNT(*) FROM \"Reports\";", ct);
            events = await CountAsync(db, "SELECT COUNT(*) FROM \"ReportEvents\";", ct);
            photos = await CountAsync(db, "SELECT COUNT(*) FROM \"ReportPhotos\";", ct);
        }

        var info = new FileInfo(file);
        return new DatabaseCopy(info.Name, info.Length, await Checksum.Sha256Async(file, ct), integrity, reports, events, photos);
    }

    /// <summary>Storage keys of every photo the copy refers to (full images and thumbnails).</summary>
    public static async Task<IReadOnlyList<string>> PhotoKeysAsync(string file, CancellationToken ct)
    {
        await using var db = Open(file, SqliteOpenMode.ReadOnly);
        await db.OpenAsync(ct);
        return await ReadAllAsync(db, "SELECT \"StorageKey\" FROM \"ReportPhotos\" UNION ALL SELECT \"ThumbnailKey\" FROM \"ReportPhotos\" WHERE \"ThumbnailKey\" IS NOT NULL;", ct);
    }

    /// <summary>Not pooled: the file is closed when the connection is, so it can be moved, hashed or deleted at once.</summary>
    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());

    private static async Task ExecuteAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> CountAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ReadAllAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
