using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Queue;

/// <summary>
/// The queue's page and count reads, shared by every open page of the same scope and filter. When a change arrives,
/// all the pages of a unit (or all the coordinators' pages) reload at once; the first one's read is the answer for
/// all of them — one set of queries per change and scope, not one per page. An answer is used only while the feed
/// has seen no change since it was read (every report change goes through the feed), and for at most
/// <see cref="Lifetime"/> (deadlines move with the clock). Keys hold everything the read depends on: the scope (unit
/// or province-wide), the user for "assigned to me", the filter, the page cursor and the language.
/// </summary>
public sealed class SharedQueueReads(QueueService queue, ReportFeed feed) : IDisposable
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    public Task<QueueSlice> GetPageAsync(PortalUser user, QueueFilter filter, QueueCursor? after, bool english) =>
        ReadAsync(("page", ScopeOf(user, filter), filter, after, english), () => queue.GetPageAsync(user, filter, after, english));

    public Task<QueueCounts> GetCountsAsync(PortalUser user, QueueFilter filter) =>
        ReadAsync(("counts", ScopeOf(user, filter), filter with { Tab = QueueTab.New, Sort = QueueSort.Deadline }, (QueueCursor?)null, false),
            () => queue.GetCountsAsync(user, filter));

    public void Dispose() => _entries.Dispose();

    private static string ScopeOf(PortalUser user, QueueFilter filter) =>
        (user.IsProvinceWide ? "all" : "unit:" + user.UnitId) + (filter.AssignedToMe ? ":mine:" + user.Id : "");

    private async Task<T> ReadAsync<T>(object key, Func<Task<T>> read)
    {
        // The version is taken before the read: a change committed during the read makes the answer stale at once.
        var version = feed.Version;
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

    private sealed record Entry<T>(long Version, Task<T> Answer);
}
