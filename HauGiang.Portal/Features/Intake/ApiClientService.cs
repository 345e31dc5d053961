using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// API clients (the citizen app, partners): keys are random, shown once, stored as SHA-256 only. Checking a key is
/// cached for <see cref="CacheSeconds"/> s under the version of <see cref="ReferenceDataSignal"/>: a revocation or a
/// change of the client moves it, on every instance, so the next request is checked again.
/// </summary>
public sealed class ApiClientService(IDbContextFactory<PortalDbContext> dbFactory, IMemoryCache cache, ReferenceDataSignal reference, TimeProvider clock)
{
    public const int CacheSeconds = 30;
    public const int MaxRequestsPerMinute = 100_000;
    private const string KeyPrefixTag = "hg_";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The active client holding this key, or null (unknown or revoked).</summary>
    public async Task<ApiClientIdentity?> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key.Trim());
        var cacheKey = CacheKey(reference.Version, hash);
        if (cache.TryGetValue(cacheKey, out ApiClientIdentity? known))
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApiClients.AsNoTracking().Where(c => c.KeyHash == hash && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Name, c.RequestsPerMinute, c.IsTest, c.MediaHosts }).FirstOrDefaultAsync(ct);
        var client = row is null ? null : new ApiClientIdentity(row.Id, row.Name, row.RequestsPerMinute, row.IsTest, ApiClientHosts.Parse(row.MediaHosts));
        cache.Set(cacheKey, client, TimeSpan.FromSeconds(CacheSeconds));
        return client;
    }

    public async Task<IReadOnlyList<ApiClientRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name)
            .Select(c => new ApiClientRow(c.Id, c.Name, c.Contact, c.KeyPrefix, c.RequestsPerMinute, c.CreatedAt, c.RevokedAt, db.Reports.Count(r => r.ApiClientId == c.Id), c.IsTest, c.MediaHosts))
            .ToListAsync(ct);
    }

    /// <summary>Creates a client and returns its key (to show once). Null when the input is invalid.</summary>
    /// <param name="isTest">A sandbox client (fixed at creation: a client's reports are either all real or all tests).</param>
    /// <param name="mediaHosts">The hosts its media_urls may come from (<see cref="ApiClientHosts.Normalize"/>); none: no media_url is fetched.</param>
    public async Task<NewApiClient?> CreateAsync(PortalUser by, string name, string? contact, int requestsPerMinute, bool isTest = false, string? mediaHosts = null, CancellationToken ct = default)
    {
        name = name.Trim();
        contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        var (hosts, badHost) = ApiClientHosts.Normalize(mediaHosts);
        if (name.Length is 0 or > 200 || contact is { Length: > 300 } || requestsPerMinute is < 1 or > MaxRequestsPerMinute || badHost is not null)
        {
            return null;
        }

        // 32 random bytes, URL-safe: nothing to guess, nothing to escape in a header, a query or a form.
        var key = KeyPrefixTag + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new ApiClient { Name = name, Contact = contact, KeyHash = Hash(key), KeyPrefix = key[..11], RequestsPerMinute = requestsPerMinute, CreatedAt = now, IsTest = isTest, MediaHosts = hosts };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = by.Id,
            UserName = by.DisplayName,
            Action = "apiclient.create",
            EntityType = nameof(ApiClient),
            EntityId = client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = $"name={client.Name}; contact={client.Contact}; key={client.KeyPrefix}…; rpm={client.RequestsPerMinute}; test={client.IsTest}; media_hosts={client.MediaHosts?.Replace('\n', ' ')}",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new NewApiClient(client.Id, client.Name, key);
    }

    /// <summary>Revokes a client's key for good. False when it does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(PortalUser by, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null || client.RevokedAt is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        client.RevokedAt = now;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = by.Id,
            UserName = by.DisplayName,
            Action = "apiclient.revoke",
            EntityType = nameof(ApiClient),
            EntityId = client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Before = $"name={client.Name}; key={client.KeyPrefix}…; active",
            After = "revoked",
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Sets the hosts a client's media_urls may come from (audited, before → after). Null when done; else the entry
    /// that is not a host name or an IP address (or "" when the client does not exist or is revoked).
    /// </summary>
    public async Task<string?> SetMediaHostsAsync(PortalUser by, int id, string? text, CancellationToken ct = default)
    {
        var (hosts, badHost) = ApiClientHosts.Normalize(text);
        if (badHost is not null)
        {
            return badHost;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.RevokedAt == null, ct);
        if (client is null)
        {
            return "";
        }

        if (client.MediaHosts == hosts)
        {
            return null;
        }

        var before = client.MediaHosts;
        client.MediaHosts = hosts;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = by.Id,
            UserName = by.DisplayName,
            Action = "apiclient.media-hosts",
            EntityType = nameof(ApiClient),
            EntityId = client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Before = "media_hosts=" + before?.Replace('\n', ' '),
            After = "media_hosts=" + hosts?.Replace('\n', ' '),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static (string, long, string) CacheKey(long version, string hash) => ("apikey", version, hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
