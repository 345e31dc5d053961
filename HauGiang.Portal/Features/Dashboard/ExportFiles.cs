using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// Export files written on the server for the export with progress (<see cref="ExportButtons"/>), each under an
/// unguessable token that only the user who made it can download (<c>GET /api/export/files/{token}</c>) for
/// <see cref="Lifetime"/> after it was finished. They live in a folder of this process's own under the system's temp
/// folder, readable by this account only, removed when the app stops (and, if it did not stop cleanly, by the next
/// start). With several instances, the download must reach the instance that holds the user's circuit: the sticky
/// sessions Blazor Server needs anyway, applied to the whole site.
/// </summary>
public sealed class ExportFiles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    // An export still unfinished after this long was abandoned (its circuit cancels and deletes it in the normal case).
    private static readonly TimeSpan MaxWriting = TimeSpan.FromHours(2);

    private const string FolderPrefix = "haugiang-export-";

    private readonly TimeProvider _clock;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, ExportFile> _files = new(StringComparer.Ordinal);

    public ExportFiles(TimeProvider clock)
    {
        _clock = clock;
        RemoveLeftovers();
    }

    public sealed record ExportFile(string Token, string UserId, string Path, string FileName, string ContentType, DateTime CreatedAt, DateTime? FinishedAt = null);

    /// <summary>A new, empty file for <paramref name="userId"/> to write; old files are swept first.</summary>
    public ExportFile Create(string userId, string fileName, string contentType)
    {
        Sweep();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var file = new ExportFile(token, userId, Path.Combine(_folder, token), fileName, contentType, _clock.GetUtcNow().UtcDateTime);
        _files[token] = file;
        return file;
    }

    /// <summary>The file is written: it can be downloaded from now on, for <see cref="Lifetime"/>.</summary>
    public void Finish(ExportFile file) => _files[file.Token] = file with { FinishedAt = _clock.GetUtcNow().UtcDateTime };

    /// <summary>The file, if the token is known, the file finished and still fresh, and made by this user.</summary>
    public ExportFile? Find(string token, string userId)
    {
        Sweep();
        return _files.TryGetValue(token, out var file) && file.UserId == userId && file.FinishedAt is not null ? file : null;
    }

    /// <summary>Forgets and deletes a file (an export that was cancelled or failed).</summary>
    public void Delete(ExportFile file)
    {
        _files.TryRemove(file.Token, out _);
        try
        {
            File.Delete(file.Path);
        }
        catch (IOException)
        {
            // Still being read: on Linux the open download keeps its data; the folder goes when the app stops.
        }
    }

    public void Dispose() => TryDeleteFolder(_folder);

    private void Sweep()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var file in _files.Values.Where(f => f.FinishedAt is { } finished ? now - finished >= Lifetime : now - f.CreatedAt >= MaxWriting))
        {
            Delete(file);
        }
    }

    /// <summary>Folders of processes that did not stop cleanly, once nothing in them can be downloaded any more.</summary>
    private void RemoveLeftovers()
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                if (_clock.GetUtcNow().UtcDateTime - Directory.GetLastWriteTimeUtc(folder) > Lifetime + MaxWriting)
                {
                    TryDeleteFolder(folder);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another account's folders, or the temp folder itself unreadable: nothing of ours to clean.
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A download still reading a file, or another account's folder: left to the system's temp cleaning.
        }
    }
}
