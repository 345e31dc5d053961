namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// Copies the photo folder into a set, incrementally: a file the previous set already holds (same path and size —
/// photos are immutable and their names unique) is hard-linked from it and keeps its recorded checksum; only new
/// files are read from the live folder and hashed.
/// </summary>
internal static class PhotoFolderCopy
{
    /// <param name="previousSet">The newest whole set, or null.</param>
    /// <param name="previousChecksums">Its checksums (paths relative to the set).</param>
    public static async Task<(List<BackupFile> Files, int Linked, int Copied)> CopyAsync(
        string source, string set, string? previousSet, IReadOnlyDictionary<string, string> previousChecksums, CancellationToken ct)
    {
        var files = new List<BackupFile>();
        int linked = 0, copied = 0;
        Directory.CreateDirectory(Path.Combine(set, BackupManifest.PhotosFolderName));
        if (!Directory.Exists(source))
        {
            return (files, 0, 0);
        }

        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();

            // The store writes aside then moves (LocalFileStore): a *.tmp is a photo still being written.
            if (path.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = BackupManifest.PhotosFolderName + "/" + Path.GetRelativePath(source, path).Replace(Path.DirectorySeparatorChar, '/');
            var destination = Local(set, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            long length;
            try
            {
                length = new FileInfo(path).Length;
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (previousSet is not null && previousChecksums.TryGetValue(relative, out var hash)
                && new FileInfo(Local(previousSet, relative)) is { Exists: true } before && before.Length == length
                && HardLink.TryCreate(before.FullName, destination))
            {
                files.Add(new BackupFile(relative, length, hash));
                linked++;
                continue;
            }

            try
            {
                File.Copy(path, destination);
            }
            catch (FileNotFoundException)
            {
                // Deleted since it was listed (an upload whose report was never committed): no report names it.
                continue;
            }

            files.Add(new BackupFile(relative, new FileInfo(destination).Length, await Checksum.Sha256Async(destination, ct)));
            copied++;
        }

        return (files, linked, copied);
    }

    public static string Local(string set, string relative) => Path.Combine(set, relative.Replace('/', Path.DirectorySeparatorChar));
}
