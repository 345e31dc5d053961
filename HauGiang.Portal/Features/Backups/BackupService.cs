using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// Takes backup sets of the SQLite database and the photo folder, one at a time, keeps the newest by the retention
/// rule and lists them. A set is a folder <c>yyyy-MM-dd_HHmmss</c> (local time) under <c>Backup:Folder</c>:
/// <c>portal.db</c>, <c>photos/</c>, <c>checksums.sha256</c> and <c>manifest.json</c>. It is built under a <c>.partial</c> name and renamed
/// only once checked, so a folder without the suffix is always a whole set.
/// </summary>
public sealed class BackupService : IDisposable
{
    private const string PartialSuffix = ".partial";
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly BackupOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<BackupService> _logger;
    private readonly string? _databaseFile;
    private BackupAttempt? _lastAttempt;

    public BackupService(IOptions<BackupOptions> options, IOptions<PhotoOptions> photos, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<BackupService> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        Folder = FullPath(_options.Folder, environment.ContentRootPath);
        PhotoFolder = FullPath(photos.Value.Root, environment.ContentRootPath);
        IsSqlite = DatabaseProviderConfiguration.Read(configuration) == DatabaseProvider.Sqlite;
        if (IsSqlite)
        {
            _databaseFile = new SqliteConnectionStringBuilder(DataExtensions.ConnectionString(configuration, environment.ContentRootPath, DatabaseProvider.Sqlite, createFolder: false)).DataSource;
        }
    }

    public BackupOptions Options => _options;

    /// <summary>Where sets are written (absolute).</summary>
    public string Folder { get; }

    public string PhotoFolder { get; }

    /// <summary>On SQL Server the database is backed up by SQL Server's own jobs (docs/deploy.md), not by the portal.</summary>
    public bool IsSqlite { get; }

    public bool IsRunning => _oneAtATime.CurrentCount == 0;

    /// <summary>The last backup this process tried (null until one ran): for the admin page and the scheduler's retry.</summary>
    public BackupAttempt? LastAttempt => Volatile.Read(ref _lastAttempt);

    /// <summary>Takes a set now, unless one is already being taken (then <see cref="BackupAttempt.Busy"/>).</summary>
    public async Task<BackupAttempt> RunAsync(BackupTrigger trigger, CancellationToken ct)
    {
        if (!IsSqlite)
        {
            return BackupAttempt.NotSqlite;
        }

        if (!await _oneAtATime.WaitAsync(0, ct))
        {
            return BackupAttempt.Busy;
        }

        var started = _clock.GetUtcNow().UtcDateTime;
        try
        {
            var manifest = await TakeAsync(trigger, started, ct);
            var removed = await PruneAsync(ct);
            _logger.LogInformation("Backup {Name} written: {Reports} reports, {Photos} photo files ({Copied} new), {Bytes} bytes of database; {Removed} old sets removed",
                manifest.Name, manifest.Database.Reports, manifest.Photos.Files, manifest.Photos.Copied, manifest.Database.Bytes, removed);
            return Remember(new BackupAttempt(started, _clock.GetUtcNow().UtcDateTime, trigger, manifest.Name, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Backup failed: {Message}", e.Message);
            return Remember(new BackupAttempt(started, _clock.GetUtcNow().UtcDateTime, trigger, null, e.Message));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Every whole set, newest first.</summary>
    public async Task<IReadOnlyList<BackupManifest>> ListAsync(CancellationToken ct)
    {
        var sets = new List<BackupManifest>();
        if (!Directory.Exists(Folder))
        {
            return sets;
        }

        foreach (var dir in Directory.EnumerateDirectories(Folder).Where(d => !d.EndsWith(PartialSuffix, StringComparison.Ordinal)))
        {
            try
            {
                if (await BackupManifest.ReadAsync(dir, ct) is { } manifest)
                {
                    sets.Add(manifest);
                }
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
            {
                _logger.LogWarning("Backup set {Folder} has an unreadable manifest: {Message}", dir, e.Message);
            }
        }

        return sets.OrderByDescending(s => s.StartedAtUtc).ToList();
    }

    private async Task<BackupManifest> TakeAsync(BackupTrigger trigger, DateTime started, CancellationToken ct)
    {
        CreatePrivateDirectory(Folder);
        var sets = await ListAsync(ct);
        var previous = sets.Count > 0 ? sets[0] : null;
        var name = NewSetName(started);
        var partial = Path.Combine(Folder, name + PartialSuffix);
        RemoveLeftovers();
        CreatePrivateDirectory(partial);
        try
        {
            // The database first, then the photos: a photo's file is written before its row is committed
            // (PhotoService), so every photo the copied database names is already in the folder when it is copied.
            var databaseFile = Path.Combine(partial, BackupManifest.DatabaseFileName);
            var database = await SqliteSnapshot.CopyAsync(_databaseFile!, databaseFile, ct);
            if (database.IntegrityCheck != "ok")
            {
                throw new InvalidDataException($"The copied database failed its integrity check: {database.IntegrityCheck}");
            }

            var previousSet = previous is null ? null : Path.Combine(Folder, previous.Name);
            var previousChecksums = previousSet is null ? [] : await SetChecksums.ReadAsync(previousSet, ct);
            var (files, linked, copied) = await PhotoFolderCopy.CopyAsync(PhotoFolder, partial, previousSet, previousChecksums, ct);
            var present = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var missing = (await SqliteSnapshot.PhotoKeysAsync(databaseFile, ct)).Count(k => !present.Contains(BackupManifest.PhotosFolderName + "/" + k));
            if (missing > 0)
            {
                // Kept, and shown as a warning on the admin page: the reports are still worth more than nothing.
                _logger.LogWarning("Backup {Name}: {Missing} photo files named by the database are not in the photo folder", name, missing);
            }

            await SetChecksums.WriteAsync(partial, [new BackupFile(BackupManifest.DatabaseFileName, database.Bytes, database.Sha256), .. files], ct);
            var manifest = new BackupManifest(1, name, started, _clock.GetUtcNow().UtcDateTime, trigger, database,
                new PhotoCopy(files.Count, files.Sum(f => f.Bytes), linked, copied, missing));
            await manifest.WriteAsync(partial, ct);
            Directory.Move(partial, Path.Combine(Folder, name));
            return manifest;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Deletes the sets the retention rule does not keep; returns how many.</summary>
    private async Task<int> PruneAsync(CancellationToken ct)
    {
        var sets = await ListAsync(ct);
        var keep = BackupPolicy.Keep(sets.Select(s => (s.Name, s.StartedAtUtc)), _options.KeepDaily, _options.KeepWeekly);
        var removed = 0;
        foreach (var set in sets.Where(s => !keep.Contains(s.Name)))
        {
            if (TryDelete(Path.Combine(Folder, set.Name)))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>A set left half-written by a crash or a stop: only this process writes here, and it is not writing.</summary>
    private void RemoveLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories(Folder, "*" + PartialSuffix))
        {
            TryDelete(dir);
        }
    }

    private string NewSetName(DateTime startedUtc)
    {
        var name = WorkingCalendar.ToLocal(startedUtc).ToString("yyyy-MM-dd_HHmmss", CultureInfo.InvariantCulture);
        var candidate = name;
        for (var n = 2; Directory.Exists(Path.Combine(Folder, candidate)); n++)
        {
            candidate = name + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private bool TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not delete backup folder {Folder}: {Message}", dir, e.Message);
            return false;
        }
    }

    private BackupAttempt Remember(BackupAttempt attempt)
    {
        Volatile.Write(ref _lastAttempt, attempt);
        return attempt;
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// A set holds all the database holds — reporters' contact details, password hashes — so only the portal's own
    /// account may read it (0700 on Linux; an existing folder keeps the permissions its operator gave it).
    /// </summary>
    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    internal static string FullPath(string path, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
}
