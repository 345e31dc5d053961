using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;
using Microsoft.Extensions.Caching.Memory;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Queue;

/// <summary>
/// The queue's page and count reads through <see cref="SharedReads"/>: all the open queue pages of one unit (or all
/// the coordinators' pages) with the same filter, page and language get one answer per change.
/// Rows are also made one object per content: a row read again (after the shared answer's lifetime, or by another
/// filter, tab or sort that shows it) is the object already held when nothing in it changed, so every open page
/// that shows it shares the row and its HTML (<see cref="QueueRowHtml"/>), whenever the page was loaded.
/// </summary>
public sealed class SharedQueueReads(ReportQueryService queue, SharedReads shared) : IDisposable
{
    // Rows recently shown, by content (a record: a new version, state or assignee is another row). Bounded; a row no
    // page asks for again leaves after the sliding time and pages that still hold it keep their own reference.
    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private static readonly MemoryCacheEntryOptions RowEntry = new() { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 };

    public Task<QueueSlice> GetPageAsync(PortalUser user, ReportFilter filter, QueueCursor? after, bool english) =>
        shared.GetAsync(("queue-page", SharedReads.ScopeOf(user, filter.AssignedToMe), filter, after, english),
            async () => Canonical(await queue.GetPageAsync(user, filter, after, english)));

    // Counts do not depend on the tab, the order or the language.
    public Task<QueueCounts> GetCountsAsync(PortalUser user, ReportFilter filter) =>
        shared.GetAsync(("queue-counts", SharedReads.ScopeOf(user, filter.AssignedToMe), filter with { Tab = QueueTab.New, Sort = QueueSort.Deadline }),
            () => queue.GetCountsAsync(user, filter));

    public void Dispose() => _rows.Dispose();

    private QueueSlice Canonical(QueueSlice slice) =>
        slice with { Rows = [.. slice.Rows.Select(row => _rows.TryGetValue(row, out QueueRow? held) ? held! : _rows.Set(row, row, RowEntry))] };
}
