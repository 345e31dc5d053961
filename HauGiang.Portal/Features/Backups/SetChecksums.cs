using System.Text;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// <c>checksums.sha256</c> of a set: one line per file, "hash␠␠path", the format of <c>sha256sum</c> (so
/// <c>cd set &amp;&amp; sha256sum -c checksums.sha256</c> checks a set without the portal). Paths are relative to the set.
/// Kept apart from the manifest so that listing sets stays cheap however many photos there are.
/// </summary>
internal static class SetChecksums
{
    public static async Task WriteAsync(string setFolder, IEnumerable<BackupFile> files, CancellationToken ct)
    {
        var path = Path.Combine(setFolder, BackupManifest.ChecksumsFileName);
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var file in files)
            {
                await writer.WriteLineAsync($"{file.Sha256}  {file.Path}".AsMemory(), ct);
            }

            await writer.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Path → hash; empty when the set has no list. A path that could reach outside the set (rooted, "..") makes the
    /// whole list unusable: a restore writes files where the list says.
    /// </summary>
    public static async Task<Dictionary<string, string>> ReadAsync(string setFolder, CancellationToken ct)
    {
        var path = Path.Combine(setFolder, BackupManifest.ChecksumsFileName);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return map;
        }

        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            if (line.Length > 66 && line[64] == ' ' && line[65] == ' ')
            {
                var file = line[66..];
                if (!IsInsideSet(file))
                {
                    throw new InvalidDataException($"{BackupManifest.ChecksumsFileName} names a path outside the set: {file}");
                }

                map[file] = line[..64];
            }
        }

        return map;
    }

    private static bool IsInsideSet(string path) =>
        !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));
}
