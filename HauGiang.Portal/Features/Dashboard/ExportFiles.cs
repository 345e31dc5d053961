using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// Export files written on the server for the export with progress (<see cref="ExportButtons"/>), each under an
/// unguessable token that only the user who made it can download (<c>GET /api/export/files/{token}</c>). Files live
/// in a folder of this process's own under the system's temp folder and are deleted after <see cref="Lifetime"/>, or
/// when the app stops.
/// </summary>
public sealed class ExportFiles(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "haugiang-exports", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, ExportFile> _files = new(StringComparer.Ordinal);

    public sealed record ExportFile(string Token, string UserId, string Path, string FileName, string ContentType, DateTime CreatedAt);

    /// <summary>A new, empty file for <paramref name="userId"/>; old files are swept first.</summary>
    public ExportFile Create(string userId, string fileName, string contentType)
    {
        Sweep();
        Directory.CreateDirectory(_folder);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var file = new ExportFile(token, userId, Path.Combine(_folder, token), fileName, contentType, clock.GetUtcNow().UtcDateTime);
        _files[token] = file;
        return file;
    }

    /// <summary>The file, if the token is known, still fresh and made by this user.</summary>
    public ExportFile? Find(string token, string userId) =>
        _files.TryGetValue(token, out var file) && file.UserId == userId && clock.GetUtcNow().UtcDateTime - file.CreatedAt < Lifetime && File.Exists(file.Path)
            ? file
            : null;

    /// <summary>Forgets and deletes a file (an export that was cancelled or failed).</summary>
    public void Delete(ExportFile file)
    {
        _files.TryRemove(file.Token, out _);
        TryDelete(file.Path);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A download still reading a file: the system's temp cleaning takes the rest.
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in _files.Values.Where(f => now - f.CreatedAt >= Lifetime))
        {
            Delete(file);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still being read; on Linux the open download keeps its data and the name goes now or at the next sweep.
        }
    }
}
