using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The query parameters of the reads (GET requests and servicerequestupdates), read and checked into
/// <see cref="RequestQuery"/> and <see cref="UpdateQuery"/>; the first problem is a 400 naming the parameter.
/// Open311 names such as <c>long</c> and <c>page_size</c> do not fit model binding, so they are read here (and
/// documented in <see cref="Open311Contract"/>).
/// </summary>
public static class Open311Query
{
    /// <summary>
    /// FixMyStreet's fallback asks for every open report of a body by id in one GET: refusing a long list fails the
    /// client's whole update run, so a list this long is answered in one response (the request line limit is raised
    /// to fit it, see IntakeExtensions).
    /// </summary>
    public const int MaxIds = 2000;

    /// <summary>
    /// How deep page numbers reach (page × page_size): each page skips the rows before it, so the depth is bounded;
    /// beyond it the cursor pages without skipping (or narrower dates make fewer pages).
    /// </summary>
    public const int MaxPagedRows = 10_000;

    public const int MaxPageSize = 1000;
    private const int MaxRangeDays = 90;
    private const int DefaultUpdateWindowHours = 24;

    /// <summary>GET requests: ids, or service codes, dates (received or updated), status, paging and a place.</summary>
    public static QueryProblem? Requests(IQueryCollection query, DateTime now, bool sandbox, out RequestQuery request, out int? pageNumber)
    {
        request = null!;
        pageNumber = null;
        var ids = Split(query["service_request_id"]);
        if (ids.Count > MaxIds)
        {
            return new("Open311.TooManyIds", MaxIds.ToString(CultureInfo.InvariantCulture));
        }

        var badDate = Date(query, "start_date", out var start);
        var badEnd = Date(query, "end_date", out var end);
        var badAfter = Date(query, "updated_after", out var updatedAfter);
        var badBefore = Date(query, "updated_before", out var updatedBefore);
        if ((badDate ?? badEnd ?? badAfter ?? badBefore) is { } bad)
        {
            return bad;
        }

        if (updatedAfter is { } ua && updatedBefore is { } ub && ua >= ub)
        {
            return new("Open311.UpdatedRangeInvalid");
        }

        DateTime? from = null, to = null;

        // Incremental sync asks "what changed since my last run": a report received long ago and updated now must be
        // in the answer, so the default window on the time received does not apply.
        if (!((updatedAfter is not null || updatedBefore is not null) && start is null && end is null))
        {
            to = end ?? (start is { } st ? st.AddDays(MaxRangeDays) : now);
            from = start ?? to.Value.AddDays(-MaxRangeDays);
            if (from > to || (to.Value - from.Value).TotalDays > MaxRangeDays)
            {
                return new("Open311.DateRange", MaxRangeDays.ToString(CultureInfo.InvariantCulture));
            }
        }

        var statuses = Split(query["status"]);
        if (statuses.Any(x => x is not ("open" or "closed")))
        {
            return new("Open311.StatusInvalid");
        }

        bool? open = statuses.Distinct().Count() == 1 ? statuses[0] == "open" : null;
        var badSize = PageSize(query, out var pageSize);
        var badCursor = Cursor(query, out var after);
        if ((badSize ?? badCursor) is { } badPaging)
        {
            return badPaging;
        }

        if (query["page"].FirstOrDefault() is { Length: > 0 } pg)
        {
            if (!int.TryParse(pg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return new("Open311.PageInvalid");
            }

            if (after is not null)
            {
                return new("Open311.PageWithCursor");
            }

            if ((long)n * pageSize > MaxPagedRows)
            {
                return new("Open311.PageTooDeep", MaxPagedRows.ToString(CultureInfo.InvariantCulture));
            }

            pageNumber = n;
        }

        if (GeoFilter.Parse(query, out var area) is { } badGeo)
        {
            return new(badGeo, GeoFilter.MaxRadiusMetres.ToString(CultureInfo.InvariantCulture));
        }

        // An id list is answered whole, never cut at a page (the client asked for exactly these).
        var byIds = ids.Count > 0;
        request = new RequestQuery(ids, Split(query["service_code"]), from, to, open, byIds ? MaxIds : pageSize, after, updatedAfter, updatedBefore,
            byIds ? 0 : ((pageNumber ?? 1) - 1) * pageSize, area, sandbox);
        if (byIds)
        {
            pageNumber = null;
        }

        return null;
    }

    /// <summary>GET servicerequestupdates: the time of the change (default the last 24 hours), paging by cursor.</summary>
    public static QueryProblem? Updates(IQueryCollection query, DateTime now, bool sandbox, out UpdateQuery updates)
    {
        updates = null!;
        var badStart = Date(query, "start_date", out var start);
        var badEnd = Date(query, "end_date", out var end);
        if ((badStart ?? badEnd) is { } badDate)
        {
            return badDate;
        }

        // FixMyStreet sends both or neither (then it would want its last 2 hours; a day covers that and more).
        var to = end ?? (start is { } st ? st.AddDays(MaxRangeDays) : now);
        var from = start ?? to.AddHours(-DefaultUpdateWindowHours);
        if (from > to || (to - from).TotalDays > MaxRangeDays)
        {
            return new("Open311.DateRange", MaxRangeDays.ToString(CultureInfo.InvariantCulture));
        }

        var badSize = PageSize(query, out var pageSize);
        var badCursor = Cursor(query, out var after);
        if ((badSize ?? badCursor) is { } badPaging)
        {
            return badPaging;
        }

        updates = new UpdateQuery(from, to, pageSize, after, sandbox);
        return null;
    }

    private static QueryProblem? PageSize(IQueryCollection query, out int pageSize)
    {
        pageSize = MaxPageSize;
        return query["page_size"].FirstOrDefault() is { Length: > 0 } ps
            && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize)
            ? new("Open311.PageSizeInvalid", MaxPageSize.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static QueryProblem? Cursor(IQueryCollection query, out (DateTime, long)? after)
    {
        after = null;
        return query["cursor"].FirstOrDefault() is { Length: > 0 } cursor && (after = Open311Reads.ParseCursor(cursor)) is null
            ? new("Open311.CursorInvalid")
            : null;
    }

    /// <summary>
    /// Reads a W3C date-time parameter; a problem naming the parameter when it is present and not a date. A '+' of
    /// the offset that a client forgot to encode arrives as a space ("…T12:00:00 07:00"): it is read as the '+' it was.
    /// </summary>
    private static QueryProblem? Date(IQueryCollection query, string name, out DateTime? utc)
    {
        utc = null;
        if (query[name].FirstOrDefault() is not { Length: > 0 } text)
        {
            return null;
        }

        var space = text.LastIndexOf(' ');
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            || (space > 0 && DateTimeOffset.TryParse(string.Concat(text.AsSpan(0, space), "+", text.AsSpan(space + 1)), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d)))
        {
            utc = d.UtcDateTime;
            return null;
        }

        return new("Open311.DateInvalid", name);
    }

    private static List<string> Split(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
