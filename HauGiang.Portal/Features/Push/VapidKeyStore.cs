using System.Buffers.Text;
using System.Security.Cryptography;
using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// The portal's VAPID keys: read from the database, or generated (P-256) and stored there the first time, so every
/// instance signs with the same key and a restart never invalidates the devices that subscribed. Two instances that
/// start together both try to insert the one row; the second reads the first's.
/// </summary>
public sealed class VapidKeyStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<VapidKeyStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VapidKeyPair? _keys;

    public async Task<VapidKeyPair> GetAsync(CancellationToken ct = default)
    {
        if (_keys is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _keys ??= await ReadAsync(ct) ?? await CreateAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<VapidKeyPair?> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VapidKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == VapidKeyPair.SingleId, ct);
    }

    private async Task<VapidKeyPair> CreateAsync(CancellationToken ct)
    {
        var keys = Generate(clock.GetUtcNow().UtcDateTime);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.VapidKeys.Add(keys);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Generated the VAPID key pair for Web Push (public key {PublicKey})", keys.PublicKey);
            return keys;
        }
        catch (DbUpdateException)
        {
            // Another instance stored its pair first: use that one.
            return await ReadAsync(ct) ?? throw new InvalidOperationException("The VAPID keys could not be stored or read.");
        }
    }

    /// <summary>A new P-256 pair as VAPID wants it: the public key as an uncompressed point, the private scalar; base64url.</summary>
    public static VapidKeyPair Generate(DateTime now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeyPair
        {
            PublicKey = Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]),
            PrivateKey = Base64Url.EncodeToString(p.D!),
            CreatedAt = now,
        };
    }
}
