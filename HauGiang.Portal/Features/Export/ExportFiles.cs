using System.Security.Cryptography;
using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Export;

/// <summary>
/// Export files of the export with progress (<see cref="ExportButtons"/>), each under an unguessable token that only
/// the user who made it can download (<c>GET /api/export/files/{token}</c>) for <see cref="Lifetime"/> after it was
/// finished.
/// <para>
/// A file is written to a folder of this process's own under the system's temp folder (readable by this account
/// only), then, once finished, stored in the database (<see cref="ExportFileRecord"/>, in pieces) and deleted from
/// disk. So the download is served by whichever instance the load balancer picks: no sticky sessions for it
/// (decision 014). Expired files are swept from the database by any instance, at each export and download.
/// </para>
/// </summary>
public sealed class ExportFiles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The size of a stored piece: what one upload or download step holds in memory.</summary>
    public const int ChunkBytes = 512 * 1024;

    // An export still unfinished after this long was abandoned (its circuit cancels and deletes it in the normal case).
    private static readonly TimeSpan MaxWriting = TimeSpan.FromHours(2);

    private const string FolderPrefix = "haugiang-export-";

    private readonly TimeProvider _clock;
    private readonly IDbContextFactory<PortalDbContext> _dbFactory;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));

    public ExportFiles(TimeProvider clock, IDbContextFactory<PortalDbContext> dbFactory)
    {
        _clock = clock;
        _dbFactory = dbFactory;
        RemoveLeftovers();
    }

    /// <summary>A file being written on this instance.</summary>
    public sealed record ExportFile(string Token, string UserId, string Path, string FileName, string ContentType);

    /// <summary>A new, empty file on this instance's disk for <paramref name="userId"/> to write.</summary>
    public ExportFile Create(string userId, string fileName, string contentType)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return new ExportFile(token, userId, Path.Combine(_folder, token), fileName, contentType);
    }

    /// <summary>
    /// The file is written: it is stored in the database, piece by piece in short transactions (a long one would
    /// hold SQLite's single writer), and offered for download once all of it is there; the local copy is deleted.
    /// </summary>
    public async Task FinishAsync(ExportFile file, CancellationToken ct)
    {
        await SweepAsync(ct);
        var length = new FileInfo(file.Path).Length;
        await using (var db = await _dbFactory.CreateDbContextAsync(ct))
        {
            db.ExportFiles.Add(new ExportFileRecord
            {
                Token = file.Token,
                UserId = file.UserId,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Length = length,
                FinishedAt = _clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }

        try
        {
            await using (var input = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
            {
                var buffer = new byte[ChunkBytes];
                for (var index = 0; ; index++)
                {
                    var read = await input.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
                    if (read == 0)
                    {
                        break;
                    }

                    await using var db = await _dbFactory.CreateDbContextAsync(ct);
                    db.ExportFileChunks.Add(new ExportFileChunk { Token = file.Token, Index = index, Data = buffer[..read] });
                    await db.SaveChangesAsync(ct);
                }
            }

            await using (var db = await _dbFactory.CreateDbContextAsync(ct))
            {
                await db.ExportFiles.Where(f => f.Token == file.Token).ExecuteUpdateAsync(s => s.SetProperty(f => f.Complete, true), ct);
            }
        }
        catch
        {
            await ForgetAsync(file.Token);
            throw;
        }
        finally
        {
            Delete(file);
        }
    }

    /// <summary>The stored file, if the token is known, the file complete and still fresh, and made by this user.</summary>
    public async Task<ExportFileRecord?> FindAsync(string token, string userId, CancellationToken ct)
    {
        await SweepAsync(ct);
        var since = _clock.GetUtcNow().UtcDateTime - Lifetime;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.ExportFiles.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Token == token && f.UserId == userId && f.Complete && f.FinishedAt > since, ct);
    }

    /// <summary>Writes a stored file to <paramref name="output"/>, one piece in memory at a time.</summary>
    public async Task CopyToAsync(ExportFileRecord file, Stream output, CancellationToken ct)
    {
        for (var index = 0; ; index++)
        {
            byte[]? data;
            await using (var db = await _dbFactory.CreateDbContextAsync(ct))
            {
                data = await db.ExportFileChunks.Where(c => c.Token == file.Token && c.Index == index).Select(c => c.Data).FirstOrDefaultAsync(ct);
            }

            if (data is null)
            {
                return;
            }

            await output.WriteAsync(data, ct);
        }
    }

    /// <summary>Deletes the local file of an export that was cancelled, failed, or is stored.</summary>
    public void Delete(ExportFile file)
    {
        try
        {
            File.Delete(file.Path);
        }
        catch (IOException)
        {
            // Still open somewhere: the folder goes when the app stops.
        }
    }

    public void Dispose() => TryDeleteFolder(_folder);

    /// <summary>Removes the files whose lifetime is over (and uploads abandoned half-way), whoever made them.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var before = _clock.GetUtcNow().UtcDateTime - Lifetime;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var expired = db.ExportFiles.Where(f => f.FinishedAt <= before).Select(f => f.Token);
        await db.ExportFileChunks.Where(c => expired.Contains(c.Token)).ExecuteDeleteAsync(ct);
        await db.ExportFiles.Where(f => f.FinishedAt <= before).ExecuteDeleteAsync(ct);
    }

    private async Task ForgetAsync(string token)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.ExportFileChunks.Where(c => c.Token == token).ExecuteDeleteAsync(CancellationToken.None);
        await db.ExportFiles.Where(f => f.Token == token).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>Folders of processes that did not stop cleanly, once nothing in them can still be written.</summary>
    private void RemoveLeftovers()
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                if (_clock.GetUtcNow().UtcDateTime - Directory.GetLastWriteTimeUtc(folder) > MaxWriting)
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
            // A file still open, or another account's folder: left to the system's temp cleaning.
        }
    }
}
