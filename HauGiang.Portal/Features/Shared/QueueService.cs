using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// The queue's reads: one page of rows (keyset paging on deadline or received time, so it stays fast at a
/// million rows) and the tab counts, always inside the user's scope.
/// </summary>
public sealed class QueueService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CalendarService calendars,
    IOptions<ReportOptions> options,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<QueueSlice> GetPageAsync(PortalUser user, QueueFilter filter, QueueCursor? after, bool english, int pageSize = PageSize, bool fullText = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await MomentsAsync(ct);
        var text = await TextMatch.FindAsync(db, filter.Text, ct);
        var rows = await PageQuery(db, ByTab(Filtered(db, user, filter, text), filter.Tab, now, dueSoonLimit), filter, after, english, pageSize, fullText)
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
    internal static IQueryable<QueueRow> PageQuery(PortalDbContext db, IQueryable<Report> query, QueueFilter filter, QueueCursor? after, bool english, int pageSize, bool fullText)
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
                var fromUtc = StartOfDayUtc(from);
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

    /// <summary>
    /// The map's points for the same filter as the queue (no paging), written straight to the response as a compact
    /// GeoJSON FeatureCollection: id, state, overdue flag. With <paramref name="onlyId"/> just that report (if it
    /// still matches), for live updates.
    /// </summary>
    public async Task WriteMapGeoJsonAsync(PortalUser user, QueueFilter filter, long? onlyId, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await MomentsAsync(ct);
        var text = await TextMatch.FindAsync(db, filter.Text, ct);
        var points = MapPointsQuery(ByTab(Filtered(db, user, filter, text), filter.Tab, now, dueSoonLimit), onlyId, now);
        await using var json = new System.Text.Json.Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var p in points.AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(p.Longitude);
            json.WriteNumberValue(p.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteNumber("id", p.Id);
            json.WriteNumber("s", (int)p.State);
            json.WriteBoolean("o", p.Overdue);
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 32_000)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>The map's points of the filtered, tabbed reports (or of just <paramref name="onlyId"/>).</summary>
    internal static IQueryable<MapPointRow> MapPointsQuery(IQueryable<Report> query, long? onlyId, DateTime now)
    {
        if (onlyId is { } id)
        {
            query = query.Where(r => r.Id == id);
        }

        // Overdue is worked out by the database (as the Overdue tab does), so no deadline is read back and parsed per point.
        return query.Select(r => new MapPointRow(r.Id, r.Latitude, r.Longitude, r.State, (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now));
    }

    internal sealed record MapPointRow(long Id, double Latitude, double Longitude, ReportState State, bool Overdue);

    /// <summary>Every row of the filter and tab, in queue order, page by page (keyset): for exports of any size.</summary>
    public async IAsyncEnumerable<QueueRow> StreamAsync(PortalUser user, QueueFilter filter, bool english, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        QueueCursor? cursor = null;
        do
        {
            var page = await GetPageAsync(user, filter, cursor, english, pageSize: 1000, fullText: true, ct: ct);
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            cursor = page.Next;
        }
        while (cursor is not null);
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

    public async Task<QueueCounts> GetCountsAsync(PortalUser user, QueueFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await MomentsAsync(ct);
        // Counting reads every match anyway, so a text filter always goes through the full-text index here.
        var text = (await TextMatch.FindAsync(db, filter.Text, ct))?.ForCounting(narrowScope: !user.IsProvinceWide);
        var query = Filtered(db, user, filter, text);
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
        var dueSoon = await ByTab(query, QueueTab.DueSoon, now, dueSoonLimit).CountAsync(ct);
        var overdue = await ByTab(query, QueueTab.Overdue, now, dueSoonLimit).CountAsync(ct);
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

    /// <summary>The reports in the user's scope that match the filter (every part except the tab).</summary>
    /// <param name="text">How to answer the text filter (<see cref="TextMatch.FindAsync"/>); without it, by scanning.</param>
    internal static IQueryable<Report> Filtered(PortalDbContext db, PortalUser user, QueueFilter filter, TextMatch? text = null)
    {
        var query = ReportScope.Apply(db.Reports.AsNoTracking(), user);
        if (filter.CategoryId is { } category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        if (filter.AreaId is { } area)
        {
            query = query.Where(r => r.AreaId == area);
        }

        if (filter.From is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            query = query.Where(r => r.ReceivedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            query = query.Where(r => r.ReceivedAt < toUtc);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.UnitId == unitId);
        }

        if (filter.CategoryGroup is { } group)
        {
            query = query.Where(r => r.Category!.Group == group);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(r => r.AssignedOfficerId == assignee);
        }

        if (filter.ResolvedFrom is { } rfrom)
        {
            var fromUtc = StartOfDayUtc(rfrom);
            query = query.Where(r => r.ResolvedAt >= fromUtc);
        }

        if (filter.ResolvedTo is { } rto)
        {
            var toUtc = StartOfDayUtc(rto.AddDays(1));
            query = query.Where(r => r.ResolvedAt < toUtc);
        }

        if (filter.RatedFrom is { } ratedFrom)
        {
            var fromUtc = StartOfDayUtc(ratedFrom);
            query = query.Where(r => r.Rating != null && r.RatedAt >= fromUtc);
        }

        if (filter.RatedTo is { } ratedTo)
        {
            var toUtc = StartOfDayUtc(ratedTo.AddDays(1));
            query = query.Where(r => r.Rating != null && r.RatedAt < toUtc);
        }

        if (filter.AssignedToMe)
        {
            query = query.Where(r => r.AssignedOfficerId == user.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            query = (text ?? TextMatch.Scan(filter.Text)).Apply(db, query);
        }

        return query;
    }

    /// <summary>The first moment (UTC) of a local (Vietnamese) date: filters by day bound with this, "to" as the next day's.</summary>
    private static DateTime StartOfDayUtc(DateOnly day) => WorkingCalendar.FromLocal(day.ToDateTime(TimeOnly.MinValue));

    internal static IQueryable<Report> ByTab(IQueryable<Report> query, QueueTab tab, DateTime now, DateTime dueSoonLimit) => tab switch
    {
        QueueTab.New => query.Where(r => r.State == ReportState.New),
        QueueTab.InProgress => query.Where(r => r.State == ReportState.InProgress),
        QueueTab.Open => query.Where(r => r.State == ReportState.New || r.State == ReportState.InProgress),
        QueueTab.DueSoon => query.Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt >= now && r.DueAt <= dueSoonLimit),
        QueueTab.Overdue => query.Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now),
        QueueTab.Done => query.Where(r => r.State == ReportState.Resolved || r.State == ReportState.Closed),
        _ => query,
    };

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
