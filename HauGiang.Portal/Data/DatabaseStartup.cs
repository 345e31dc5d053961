using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HauGiang.Portal.Data;

/// <summary>
/// What an operator reads when the database cannot be used at start: one line with the path and the setting to
/// check, not a stack trace.
/// </summary>
internal static class DatabaseStartup
{
    public const string Setting = "ConnectionStrings:Portal";

    public const string MissingFolderMessage =
        "The folder of the SQLite database does not exist: {Folder}. Create it or mount the volume, or point {Setting} elsewhere. "
        + "Outside Development the portal does not create it, so that an unmounted volume is not taken for a new, empty database.";

    public const string UnusableMessage =
        "The database {Database} cannot be used: {Error} Check that the file, its folder and the volume are writable by the portal, and {Setting}.";

    /// <summary>The SQLite file's folder when it does not exist (SQL Server: never).</summary>
    public static string? MissingFolder(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The database's error behind an exception at start (a read-only file, no space, no server), else null.</summary>
    public static DbException? DatabaseError(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException db)
            {
                return db;
            }
        }

        return null;
    }

    /// <summary>Where the database is, without a password: the SQLite path, or the SQL Server and database names.</summary>
    public static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(params string[] keys) => keys.Select(k => parts.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return $"{Part("Initial Catalog", "Database")} on {Part("Data Source", "Server", "Address")}";
    }
}
