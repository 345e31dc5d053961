using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Queue;

/// <summary>
/// The queue's page and count reads through <see cref="SharedReads"/>: all the open queue pages of one unit (or all
/// the coordinators' pages) with the same filter, page and language get one answer per change.
/// </summary>
public sealed class SharedQueueReads(QueueService queue, SharedReads shared)
{
    public Task<QueueSlice> GetPageAsync(PortalUser user, QueueFilter filter, QueueCursor? after, bool english) =>
        shared.GetAsync(("queue-page", SharedReads.ScopeOf(user, filter.AssignedToMe), filter, after, english),
            () => queue.GetPageAsync(user, filter, after, english));

    // Counts do not depend on the tab, the order or the language.
    public Task<QueueCounts> GetCountsAsync(PortalUser user, QueueFilter filter) =>
        shared.GetAsync(("queue-counts", SharedReads.ScopeOf(user, filter.AssignedToMe), filter with { Tab = QueueTab.New, Sort = QueueSort.Deadline }),
            () => queue.GetCountsAsync(user, filter));
}
