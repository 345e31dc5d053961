using System.Security.Cryptography;

namespace HauGiang.Portal.Features.Backups;

internal static class Checksum
{
    /// <summary>SHA-256 as lower-case hex, the form <c>sha256sum</c> prints, so an operator can check a set by hand.</summary>
    public static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
