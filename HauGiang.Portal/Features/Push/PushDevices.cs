using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// The devices a user receives Web Push on: subscribe (one row per endpoint; a browser that another user signed in
/// on passes to that user), list and remove — always the signed-in user's own, by user id in every query.
/// </summary>
public sealed class PushDevices(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PushOptions> options, TimeProvider clock)
{
    private readonly AllowedPushServices _allowed = new(options.Value.AllowedEndpoints);

    public async Task<PushDeviceResult> SubscribeAsync(string userId, PushDeviceInput input, string? userAgent, CancellationToken ct)
    {
        if (input.Endpoint is not { Length: > 0 and <= 2000 } endpoint || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || input.Keys?.P256dh is not { Length: <= 100 } p256dh || input.Keys.Auth is not { Length: <= 50 } auth
            || !IsPublicKey(p256dh) || !IsAuthSecret(auth))
        {
            return PushDeviceResult.Invalid;
        }

        if (!_allowed.Allows(uri))
        {
            return PushDeviceResult.EndpointNotAllowed;
        }

        var hash = Hash(endpoint);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.PushSubscriptions.SingleOrDefaultAsync(s => s.EndpointHash == hash, ct);
        if (row is null)
        {
            row = new WebPushSubscription { EndpointHash = hash, Endpoint = endpoint, CreatedAt = now };
            db.PushSubscriptions.Add(row);
            var keep = Math.Max(1, options.Value.MaxDevicesPerUser) - 1;
            var beyond = await db.PushSubscriptions.Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(keep).ToListAsync(ct);
            db.PushSubscriptions.RemoveRange(beyond);
        }

        row.UserId = userId;
        row.P256dh = p256dh;
        row.Auth = auth;
        row.DeviceName = DeviceName.From(userAgent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same browser subscribed twice at once (two tabs): the other request stored it.
        }

        return PushDeviceResult.Saved;
    }

    public async Task<IReadOnlyList<PushDeviceRow>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PushSubscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new PushDeviceRow(s.Id, s.DeviceName, s.CreatedAt, s.LastSuccessAt, s.EndpointHash))
            .ToListAsync(ct);
    }

    public async Task<bool> RemoveAsync(string userId, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PushSubscriptions.Where(s => s.UserId == userId && s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<bool> RemoveEndpointAsync(string userId, string? endpoint, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(endpoint))
        {
            return false;
        }

        var hash = Hash(endpoint);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PushSubscriptions.Where(s => s.UserId == userId && s.EndpointHash == hash).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>The key of an endpoint (SHA-256, lower-case hex): the page marks "this device" by comparing it in the browser.</summary>
    public static string Hash(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));

    /// <summary>An uncompressed P-256 point that is on the curve (the payload is encrypted to it).</summary>
    private static bool IsPublicKey(string p256dh)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(p256dh);
            if (bytes is not [0x04, ..] || bytes.Length != 65)
            {
                return false;
            }

            using var key = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = bytes[1..33], Y = bytes[33..] } });
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static bool IsAuthSecret(string auth)
    {
        try
        {
            return Base64Url.DecodeFromChars(auth).Length == 16;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The push services (origins, "*." for sub-domains) the server may post to.</summary>
internal sealed class AllowedPushServices(string? list)
{
    private readonly (string Scheme, string Host, int Port)[] _origins =
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => Uri.TryCreate(o.Replace("*.", "wildcard.", StringComparison.Ordinal), UriKind.Absolute, out var u) ? (u.Scheme, u.Host.Replace("wildcard.", "*.", StringComparison.Ordinal), u.Port) : default)
            .Where(o => o.Scheme is not null)];

    public bool Allows(Uri endpoint) => _origins.Any(o =>
        string.Equals(o.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase) && o.Port == endpoint.Port
        && (o.Host.StartsWith("*.", StringComparison.Ordinal)
            ? endpoint.Host.EndsWith(o.Host[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(o.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A short name for a device from its user agent ("Chrome · Android"), only so that users can tell theirs apart.</summary>
internal static class DeviceName
{
    public static string From(string? userAgent)
    {
        var ua = userAgent ?? "";
        var browser = ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("OPR/", StringComparison.Ordinal) ? "Opera"
            : ua.Contains("SamsungBrowser", StringComparison.Ordinal) ? "Samsung Internet"
            : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : "?";
        var system = ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : ua.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS", StringComparison.Ordinal) ? "macOS"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : "?";
        return $"{browser} · {system}";
    }
}
