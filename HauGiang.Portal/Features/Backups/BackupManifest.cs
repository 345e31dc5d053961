using System.Text.Json;
using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// What a backup set holds, written last into the set as <c>manifest.json</c>: a set without one is unfinished.
/// It describes itself without the portal: when, how many reports, the database's SHA-256, and beside it
/// <c>checksums.sha256</c> with the SHA-256 of every file in <c>sha256sum</c>'s format, so a restore (or an operator
/// with <c>sha256sum -c checksums.sha256</c>) can tell a whole set from a damaged one.
/// </summary>
public sealed record BackupManifest(
    int Format,
    string Name,
    DateTime StartedAtUtc,
    DateTime FinishedAtUtc,
    BackupTrigger Trigger,
    DatabaseCopy Database,
    PhotoCopy Photos)
{
    public const string FileName = "manifest.json";
    public const string DatabaseFileName = "portal.db";
    public const string PhotosFolderName = "photos";
    public const string ChecksumsFileName = "checksums.sha256";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<BackupManifest?> ReadAsync(string setFolder, CancellationToken ct)
    {
        var path = Path.Combine(setFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
    }

    public async Task WriteAsync(string setFolder, CancellationToken ct)
    {
        var path = Path.Combine(setFolder, FileName);
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, ct);
            stream.Flush(flushToDisk: true);
        }
    }
}
