using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The public reads of Open311. They project reports to <see cref="ServiceRequestDto"/> and never touch
/// ReporterContacts. Results that a unit made private keep their status but not their reply text.
/// </summary>
public sealed class Open311Reads(IDbContextFactory<PortalDbContext> dbFactory)
{
    internal sealed record Row(
        long Id, string Code, ReportState State, bool IsPublic, string Description, string CategoryCode, string CategoryVi, string CategoryEn,
        string? UnitName, string? UnitNameEn, DateTime ReceivedAt, DateTime DueAt, DateTime? Updated, string? Address, double Lat, double Lon,
        DateTime? ExtensionRequestedUntil, CitizenRating? Rating, string? PublicNote, RejectReason? Reason);

    public async Task<RequestPage> ListAsync(RequestQuery q, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ListQuery(db, q).ToListAsync(ct);
        var last = rows.Count > q.PageSize && q.Ids.Count == 0 && q.Skip == 0 ? rows[q.PageSize - 1] : null;
        var next = last is null ? null : Cursor(q.ByUpdate ? last.Updated ?? last.ReceivedAt : last.ReceivedAt, last.Id);
        var total = await CountQuery(db, q).CountAsync(ct);
        return new(rows.Take(q.PageSize).Select(r => ToDto(r, english)).ToList(), next, total);
    }

    /// <summary>Every request the filters match (the cursor and the page aside): the X-Total-Count.</summary>
    internal static IQueryable<Report> CountQuery(PortalDbContext db, RequestQuery q) => Filtered(db, q with { After = null });

    /// <summary>One page of the list (one row more than the page, to tell whether there is a next).</summary>
    internal static IQueryable<Row> ListQuery(PortalDbContext db, RequestQuery q)
    {
        var reports = Filtered(db, q);
        var ordered = q.ByUpdate && q.Ids.Count == 0
            ? reports.OrderByDescending(r => db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => e.At)).ThenByDescending(r => r.Id)
            : reports.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);

        // Page numbers (Chicago's page/page_size) skip rows; the endpoint bounds how deep (MaxPagedRows), so the
        // offset never walks a large table. The cursor does not skip.
        IQueryable<Report> page = q.Skip > 0 ? ordered.Skip(q.Skip) : ordered;
        return Project(db, page).Take(q.PageSize + 1);
    }

    private static IQueryable<Report> Filtered(PortalDbContext db, RequestQuery q)
    {
        IQueryable<Report> reports = db.Reports.AsNoTracking().Where(r => r.IsTest == q.Sandbox);
        if (q.Ids.Count > 0)
        {
            // As the specification says: with service_request_id, every other filter is ignored.
            reports = reports.Where(r => q.Ids.Contains(r.Code));
        }
        else
        {
            if (q.FromUtc is { } from)
            {
                reports = reports.Where(r => r.ReceivedAt >= from);
            }

            if (q.ToUtc is { } to)
            {
                reports = reports.Where(r => r.ReceivedAt <= to);
            }

            // The last update is the time of the report's latest event, as updated_datetime says (a report has no
            // column for it; every report has its Received event, so the maximum always exists).
            if (q.UpdatedAfter is { } ua)
            {
                reports = reports.Where(r => db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => e.At) > ua);
            }

            if (q.UpdatedBefore is { } ub)
            {
                reports = reports.Where(r => db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => e.At) < ub);
            }
            if (q.ServiceCodes.Count > 0)
            {
                reports = reports.Where(r => q.ServiceCodes.Contains(r.Category!.Code));
            }

            if (q.Open is { } open)
            {
                reports = open
                    ? reports.Where(r => r.State == ReportState.New || r.State == ReportState.InProgress)
                    : reports.Where(r => r.State != ReportState.New && r.State != ReportState.InProgress);
            }

            if (q.After is { } after)
            {
                reports = q.ByUpdate
                    ? reports.Where(r => db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => e.At) < after.At
                        || (db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => e.At) == after.At && r.Id < after.Id))
                    : reports.Where(r => r.ReceivedAt < after.At || (r.ReceivedAt == after.At && r.Id < after.Id));
            }

            if (q.Area is { } area)
            {
                reports = area.Apply(reports);
            }
        }

        return reports;
    }

    public async Task<ServiceRequestDto?> GetAsync(string code, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await GetQuery(db, code).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDto(row, english);
    }

    internal static IQueryable<Row> GetQuery(PortalDbContext db, string code) =>
        Project(db, db.Reports.AsNoTracking().Where(r => r.Code == code));

    public static string Cursor(DateTime at, long id) =>
        at.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString(CultureInfo.InvariantCulture);

    public static (DateTime, long)? ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('_');
        return parts is [var t, var i] && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is > 0 && ticks < DateTime.MaxValue.Ticks
            && long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }

    /// <summary>W3C date-time in Vietnam time, e.g. 2026-11-30T14:05:00+07:00.</summary>
    public static string W3C(DateTime utc) =>
        new DateTimeOffset(WorkingCalendar.ToLocal(utc), TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string StateCode(ReportState s) => s switch
    {
        ReportState.New => "new",
        ReportState.InProgress => "in_progress",
        ReportState.Resolved => "resolved",
        ReportState.Closed => "closed",
        _ => "rejected",
    };

    private static IQueryable<Row> Project(PortalDbContext db, IQueryable<Report> reports) =>
        reports.Select(r => new Row(
            r.Id, r.Code, r.State, r.IsPublic, r.Description, r.Category!.Code, r.Category.NameVi, r.Category.NameEn,
            r.Unit != null ? r.Unit.Name : null, r.Unit != null ? r.Unit.NameEn : null,
            r.ReceivedAt, r.DueAt,
            db.ReportEvents.Where(e => e.ReportId == r.Id).Max(e => (DateTime?)e.At),
            r.Address, r.Latitude, r.Longitude, r.ExtensionRequestedUntil, r.Rating,
            db.ReportEvents.Where(e => e.ReportId == r.Id && e.Visibility == EventVisibility.Public && e.Note != null
                    && (e.Type == ReportEventType.Replied || e.Type == ReportEventType.ProgressUpdate || e.Type == ReportEventType.Rejected))
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault(),
            r.RejectReason));

    private static ServiceRequestDto ToDto(Row r, bool english)
    {
        var open = r.State is ReportState.New or ReportState.InProgress;
        var state = IntakeText.Get("Open311.State." + r.State, english);
        // A private report's notes are its state alone, open or not, as in the update feed: an officer's words about it
        // can name the place or the people the reporter asked to keep private.
        var notes = r.PublicNote is not null && r.IsPublic ? state + ": " + PublicText.Mask(r.PublicNote, english) : state;

        // A report marked "Không công khai" shows only its code, service and status: no text, no address, and its
        // point only to about a kilometre (the spec needs a point; the exact one could identify the reporter's home).
        return new ServiceRequestDto(
            r.Code,
            open ? "open" : "closed",
            notes,
            english ? r.CategoryEn : r.CategoryVi,
            r.CategoryCode,
            r.IsPublic ? PublicText.Mask(r.Description, english) : IntakeText.Get("Open311.Private", english),
            (english ? r.UnitNameEn ?? r.UnitName : r.UnitName) ?? IntakeText.Get("Open311.Coordinators", english),
            null,
            W3C(r.ReceivedAt),
            W3C(r.Updated ?? r.ReceivedAt),
            W3C(r.DueAt),
            r.IsPublic && r.Address is not null ? PublicText.Mask(r.Address, english) : null,
            null,
            null,
            r.IsPublic ? r.Lat : Math.Round(r.Lat, 2),
            r.IsPublic ? r.Lon : Math.Round(r.Lon, 2),
            null,
            StateCode(r.State),
            r.ExtensionRequestedUntil is not null,
            r.Rating switch { CitizenRating.Satisfied => "satisfied", CitizenRating.Acceptable => "acceptable", CitizenRating.NotSatisfied => "not_satisfied", _ => null },
            r.State == ReportState.Rejected && r.Reason == RejectReason.Duplicate ? "duplicate" : StateCode(r.State));
    }
}
