using HauGiang.Portal.Data.Reference;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// Answers to reads that many open pages make at the same moment — when a change arrives, every page of a scope
/// reloads at once. The first page's read is the answer for all of them: one read per change and key, not one per
/// page. An answer is used only while the feed has seen no change since it was read (every report change goes
/// through the feed) nor the reference data (a renamed category or unit shows at once) and for at most <see cref="Lifetime"/> (deadlines and "today" move with the clock). Concurrent
/// callers of one key share one read. Keys must hold everything the answer depends on (<see cref="ScopeOf"/>).
/// </summary>
public sealed class SharedReads(ReportFeed feed, ReferenceDataSignal reference) : IDisposable
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    /// <summary>What a user's reads depend on: province-wide or their unit, and who they are for "assigned to me".</summary>
    public static string ScopeOf(Security.PortalUser user, bool personal) =>
        (user.IsProvinceWide ? "all" : "unit:" + user.UnitId) + (personal ? ":user:" + user.Id : "");

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> read)
    {
        // The version is taken before the read: a change committed during the read makes the answer stale at once.
        var version = (feed.Version, reference.Version);
        if (_entries.TryGetValue(key, out Entry<T>? entry) && entry!.Version == version)
        {
            return await entry.Answer;
        }

        // The read belongs to no single page: a page that goes away must not cancel the others' answer.
        entry = new Entry<T>(version, read());
        _entries.Set(key, entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        try
        {
            return await entry.Answer;
        }
        catch
        {
            _entries.Remove(key);
            throw;
        }
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry<T>((long Feed, long Reference) Version, Task<T> Answer);
}
