using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// The reads every list of reports shares (the queue, the map's summary card, the exports, the dashboard's moments):
/// one page of rows (keyset paging on deadline or received time, so it stays fast at a million rows), one row, the
/// tab counts, always inside the user's scope. What a filter means as a query is <see cref="ReportQuery"/>.
/// </summary>
public sealed class ReportQueryService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CalendarService calendars,
    IOptions<ReportOptions> options,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<QueueSlice> GetPageAsync(PortalUser user, ReportFilter filter, QueueCursor? after, bool english, int pageSize = PageSize, bool fullText = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await MomentsAsync(ct);
        var text = await TextMatch.FindAsync(db, filter.Text, ct);
        var rows = await PageQuery(db, ReportQuery.ByTab(ReportQuery.Filtered(db, user, filter, text), filter.Tab, now, dueSoonLimit), filter, after, english, pageSize, fullText)
            .ToListAsync(ct);

        QueueCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = new QueueCursor(filter.Sort == QueueSort.Received ? last.ReceivedAt : last.DueAt, last.Id);
        }

        return new QueueSlice(rows, next);
    }

    /// <summary>One page of rows (one more than <paramref name="pageSize"/>, to tell whether there is a next) of the filtered, tabbed reports.</summary>
    internal static IQueryable<QueueRow> PageQuery(PortalDbContext db, IQueryable<Report> query, ReportFilter filter, QueueCursor? after, bool english, int pageSize, bool fullText)
    {
        if (filter.Sort == QueueSort.Received)
        {
            if (after is not null)
            {
                query = query.Where(r => r.ReceivedAt < after.Key || (r.ReceivedAt == after.Key && r.Id < after.Id));
            }

            query = query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);
        }
        else
        {
            if (filter.From is { } from)
            {
                // A deadline never comes before receipt, so the period bounds the deadline too: the deadline-ordered
                // indexes then start at the period instead of reading through every older report first.
                var fromUtc = ReportQuery.StartOfDayUtc(from);
                query = query.Where(r => r.DueAt >= fromUtc);
            }

            if (after is not null)
            {
                query = query.Where(r => r.DueAt > after.Key || (r.DueAt == after.Key && r.Id > after.Id));
            }

            query = query.OrderBy(r => r.DueAt).ThenBy(r => r.Id);
        }

        return query
            .Take(pageSize + 1)
            .Select(r => new QueueRow(
                r.Id,
                r.Code,
                english ? r.Category!.NameEn : r.Category!.NameVi,
                r.Category.Color,
#pragma warning disable CA1845 // translated to SQL: spans are not
                fullText || r.Description.Length <= 140 ? r.Description : r.Description.Substring(0, 140) + "…",
#pragma warning restore CA1845
                r.Area != null ? r.Area.Name : null,
                r.ReceivedAt,
                r.DueAt,
                r.State,
                r.ExtensionRequestedUntil != null,
                r.Priority,
                db.Users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Version));
    }

    /// <summary>One row by id, in scope (the map's summary card).</summary>
    public async Task<QueueRow?> GetRowAsync(PortalUser user, long id, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RowQuery(db, user, id, english).FirstOrDefaultAsync(ct);
    }

    internal static IQueryable<QueueRow> RowQuery(PortalDbContext db, PortalUser user, long id, bool english) =>
        ReportScope.Apply(db.Reports.AsNoTracking(), user).Where(r => r.Id == id)
            .Select(r => new QueueRow(
                r.Id,
                r.Code,
                english ? r.Category!.NameEn : r.Category!.NameVi,
                r.Category.Color,
                r.Description,
                r.Area != null ? r.Area.Name : null,
                r.ReceivedAt,
                r.DueAt,
                r.State,
                r.ExtensionRequestedUntil != null,
                r.Priority,
                db.Users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Version));

    public async Task<QueueCounts> GetCountsAsync(PortalUser user, ReportFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await MomentsAsync(ct);
        // Counting reads every match anyway, so a text filter always goes through the full-text index here.
        var text = (await TextMatch.FindAsync(db, filter.Text, ct))?.ForCounting(narrowScope: !user.IsProvinceWide);
        var query = ReportQuery.Filtered(db, user, filter, text);
        if (text is not null)
        {
            // One pass over the matches: a second and third query would look the text up in the index again.
            var counted = await StateCountsQuery(query, now, dueSoonLimit, withDeadlines: true).ToListAsync(ct);
            var open = counted.Where(c => c.State is ReportState.New or ReportState.InProgress).ToList();
            return Tally(counted, open.Sum(c => c.DueSoon), open.Sum(c => c.Overdue));
        }

        // Without text, three index walks beat one pass: the state counts come from a covering index, and due soon
        // and overdue are short ranges of (State, DueAt) — evaluating both conditions on every report costs more.
        var byState = await StateCountsQuery(query, now, dueSoonLimit, withDeadlines: false).ToListAsync(ct);
        var dueSoon = await ReportQuery.ByTab(query, QueueTab.DueSoon, now, dueSoonLimit).CountAsync(ct);
        var overdue = await ReportQuery.ByTab(query, QueueTab.Overdue, now, dueSoonLimit).CountAsync(ct);
        return Tally(byState, dueSoon, overdue);
    }

    private static QueueCounts Tally(List<StateCount> byState, int dueSoon, int overdue)
    {
        int Count(params ReportState[] states) => byState.Where(s => states.Contains(s.State)).Sum(s => s.Count);
        return new QueueCounts(
            Count(ReportState.New),
            Count(ReportState.InProgress),
            dueSoon,
            overdue,
            Count(ReportState.Resolved, ReportState.Closed),
            byState.Sum(s => s.Count));
    }

    internal sealed record StateCount(ReportState State, int Count, int DueSoon, int Overdue);

    /// <summary>Reports per state; <paramref name="withDeadlines"/>: also how many are due soon and overdue (else 0).</summary>
    internal static IQueryable<StateCount> StateCountsQuery(IQueryable<Report> query, DateTime now, DateTime dueSoonLimit, bool withDeadlines) =>
        withDeadlines
            ? query.GroupBy(r => r.State).Select(g => new StateCount(g.Key, g.Count(), g.Count(r => r.DueAt >= now && r.DueAt <= dueSoonLimit), g.Count(r => r.DueAt < now)))
            : query.GroupBy(r => r.State).Select(g => new StateCount(g.Key, g.Count(), 0, 0));

    internal async Task<(DateTime Now, DateTime DueSoonLimit)> MomentsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, await DueSoonLimitAsync(now, ct));
    }

    /// <summary>The end of the due-soon window that starts at <paramref name="moment"/>: N working days later, same time.</summary>
    internal async Task<DateTime> DueSoonLimitAsync(DateTime moment, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var local = WorkingCalendar.ToLocal(moment);
        var limitDate = calendar.AddWorkingDays(DateOnly.FromDateTime(local), options.Value.DueSoonWorkingDays);
        return WorkingCalendar.FromLocal(limitDate.ToDateTime(TimeOnly.FromDateTime(local)));
    }
}
