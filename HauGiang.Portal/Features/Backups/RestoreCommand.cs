using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.Data.Sqlite;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// <c>dotnet HauGiang.Portal.dll restore --from &lt;set folder&gt; [--overwrite]</c>: puts a backup set back as the
/// database and photo folder that this configuration names (<c>ConnectionStrings:Portal</c>, <c>Photos:Root</c>;
/// any setting can follow on the command line, e.g. <c>--ConnectionStrings:Portal="Data Source=/srv/portal.db"</c>).
/// Every file is checked against the set's checksums first, and the restored database is integrity-checked.
/// An existing database is never replaced without <c>--overwrite</c>, and even then it is moved aside, not deleted.
/// Run it with the portal stopped. Exit codes: 0 restored, 1 usage, 2 refused, 3 the set is damaged or unusable.
/// </summary>
public sealed class RestoreCommand
{
    public const string Verb = "restore";

    private RestoreCommand(string from, bool overwrite, string[] hostArgs)
    {
        From = from;
        Overwrite = overwrite;
        HostArgs = hostArgs;
    }

    public string From { get; }

    public bool Overwrite { get; }

    /// <summary>The other arguments, for the host's configuration (settings given on the command line).</summary>
    public string[] HostArgs { get; }

    /// <summary>The command when the first argument is <c>restore</c>, else null (the portal starts as usual).</summary>
    public static RestoreCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb)
        {
            return null;
        }

        string from = "";
        var overwrite = false;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case "--overwrite":
                    overwrite = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new RestoreCommand(from, overwrite, [.. rest]);
    }

    public async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, TextWriter output, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            await output.WriteLineAsync("Usage: dotnet HauGiang.Portal.dll restore --from <backup set folder> [--overwrite] [--ConnectionStrings:Portal=\"Data Source=<file>\"] [--Photos:Root=<folder>]");
            return 1;
        }

        if (DatabaseProviderConfiguration.Read(configuration) != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("Database:Provider is SqlServer: restore the database with SQL Server's RESTORE (docs/deploy.md, Backups), then copy the photos back from the photo backup.");
            return 1;
        }

        var set = Path.GetFullPath(From);
        var manifest = Directory.Exists(set) ? await BackupManifest.ReadAsync(set, ct) : null;
        if (manifest is null)
        {
            await output.WriteLineAsync($"{set} is not a backup set (no {BackupManifest.FileName}).");
            return 3;
        }

        var database = new SqliteConnectionStringBuilder(DataExtensions.ConnectionString(configuration, environment.ContentRootPath, DatabaseProvider.Sqlite, createFolder: false)).DataSource;
        var photos = BackupService.FullPath(configuration.GetSection(PhotoOptions.Section).Get<PhotoOptions>()?.Root ?? new PhotoOptions().Root, environment.ContentRootPath);
        if (File.Exists(database) && !Overwrite)
        {
            await output.WriteLineAsync($"Refused: {database} already exists. A restore never replaces a database unasked: stop the portal, then run again with --overwrite (the current file is kept beside it as *.before-restore-<time>).");
            return 2;
        }

        // Every byte checked before anything is touched: a damaged set must not replace anything.
        Dictionary<string, string> checksums;
        try
        {
            checksums = await SetChecksums.ReadAsync(set, ct);
        }
        catch (InvalidDataException e)
        {
            await output.WriteLineAsync($"The set {manifest.Name} is damaged: {e.Message}. Nothing was restored.");
            return 3;
        }

        if (await FirstDamagedAsync(set, manifest, checksums, ct) is { } damaged)
        {
            await output.WriteLineAsync($"The set {manifest.Name} is damaged: {damaged}. Nothing was restored; use another set.");
            return 3;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        if (File.Exists(database))
        {
            var aside = MoveAside(database);
            await output.WriteLineAsync($"The existing database was moved to {aside}.");
        }

        // Copy beside, then rename: the target path never holds half a database.
        var incoming = database + ".restoring";
        File.Copy(Path.Combine(set, BackupManifest.DatabaseFileName), incoming, overwrite: true);
        var restored = await SqliteSnapshot.VerifyAsync(incoming, ct);
        if (restored.IntegrityCheck != "ok")
        {
            File.Delete(incoming);
            await output.WriteLineAsync($"The restored copy failed its integrity check ({restored.IntegrityCheck}); nothing was replaced.");
            return 3;
        }

        File.Move(incoming, database);

        var (copiedPhotos, presentPhotos) = RestorePhotos(set, checksums, photos);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored set {manifest.Name} (taken {WorkingCalendar.ToLocal(manifest.StartedAtUtc):dd/MM/yyyy HH:mm:ss} Asia/Ho_Chi_Minh): {restored.Reports} reports, {restored.Events} events into {database}; {copiedPhotos} photo files into {photos} ({presentPhotos} were already there)."));
        return 0;
    }

    private static async Task<string?> FirstDamagedAsync(string set, BackupManifest manifest, Dictionary<string, string> checksums, CancellationToken ct)
    {
        var databaseFile = Path.Combine(set, BackupManifest.DatabaseFileName);
        if (!File.Exists(databaseFile) || await Checksum.Sha256Async(databaseFile, ct) != manifest.Database.Sha256)
        {
            return BackupManifest.DatabaseFileName + " does not match its checksum";
        }

        var photoCount = 0;
        foreach (var (path, hash) in checksums.Where(c => c.Key.StartsWith(BackupManifest.PhotosFolderName + "/", StringComparison.Ordinal)))
        {
            photoCount++;
            var file = PhotoFolderCopy.Local(set, path);
            if (!File.Exists(file) || await Checksum.Sha256Async(file, ct) != hash)
            {
                return path + " is missing or does not match its checksum";
            }
        }

        return photoCount == manifest.Photos.Files ? null : $"{BackupManifest.ChecksumsFileName} lists {photoCount} photo files, the manifest {manifest.Photos.Files}";
    }

    /// <summary>Photos are immutable and uniquely named: a file already in the folder is the same photo and stays.</summary>
    private static (int Copied, int Present) RestorePhotos(string set, Dictionary<string, string> checksums, string photoRoot)
    {
        int copied = 0, present = 0;
        var prefix = BackupManifest.PhotosFolderName + "/";
        foreach (var path in checksums.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var target = Path.Combine(photoRoot, path[prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(target))
            {
                present++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + ".restoring.tmp";
            File.Copy(PhotoFolderCopy.Local(set, path), temp, overwrite: true);
            File.Move(temp, target);
            copied++;
        }

        return (copied, present);
    }

    /// <summary>The database and its WAL files, renamed with the time, so that a restore over the wrong file can be undone.</summary>
    private static string MoveAside(string database)
    {
        var aside = database + ".before-restore-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(database + suffix))
            {
                File.Move(database + suffix, aside + suffix);
            }
        }

        return aside;
    }
}
