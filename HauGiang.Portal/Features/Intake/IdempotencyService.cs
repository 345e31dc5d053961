using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// Idempotency-Key for POST requests, per API client. The key is claimed by inserting a pending record (its unique
/// index decides between concurrent requests); the intake transaction completes it with the report's code, so a
/// report and its record commit together. A request that fails releases the key.
/// </summary>
public sealed class IdempotencyService(IDbContextFactory<PortalDbContext> dbFactory, IOptions<IntakeOptions> options, TimeProvider clock)
{
    /// <summary>A pending record older than this is from a request that died: it no longer blocks the key.</summary>
    private static readonly TimeSpan StalePending = TimeSpan.FromMinutes(2);

    public static bool IsValidKey(string key) => key.Length is > 0 and <= 200 && key.All(c => c is > ' ' and <= '~');

    public async Task<IdempotencyStart> BeginAsync(int clientId, string key, string requestHash, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var records = db.Set<IdempotencyRecord>();
            var existing = await records.AsNoTracking().FirstOrDefaultAsync(r => r.ApiClientId == clientId && r.Key == key, ct);
            if (existing is not null)
            {
                var expired = existing.CreatedAt < now.AddHours(-options.Value.IdempotencyHours);
                var stale = existing.CompletedAt is null && existing.CreatedAt < now - StalePending;
                if (expired || stale)
                {
                    await records.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(ct);
                    continue;
                }

                if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
                {
                    return new(IdempotencyState.Mismatch);
                }

                return existing.CompletedAt is null
                    ? new(IdempotencyState.InProgress)
                    : new(IdempotencyState.Replay, existing.Id, existing.ReportCode);
            }

            var record = new IdempotencyRecord { ApiClientId = clientId, Key = key, RequestHash = requestHash, CreatedAt = now };
            records.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(IdempotencyState.Started, record.Id);
            }
            catch (DbUpdateException)
            {
                // Another request claimed the key between our read and our insert: look again.
            }
        }

        return new(IdempotencyState.InProgress);
    }

    /// <summary>Releases the key of a request that did not create a report, so that a corrected retry can use it.</summary>
    public async Task ReleaseAsync(long recordId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<IdempotencyRecord>().Where(r => r.Id == recordId && r.CompletedAt == null).ExecuteDeleteAsync();
    }

    /// <summary>Forgets keys older than the retention period.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var before = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.IdempotencyHours);
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
