using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The update feed: one request_update per public change of a report, read from its timeline. Only events that
/// are both marked public and of a type the citizen is meant to see are listed — an internal note, an assignment,
/// a transfer between units or an extension request never is, whatever its visibility flag says. The text is the
/// state's name and the officer's public words, masked like every public read; a report marked "Không công khai"
/// gets the state's name only. Nothing here reads ReporterContacts.
/// </summary>
public sealed class Open311UpdateFeed(IDbContextFactory<PortalDbContext> dbFactory)
{
    internal sealed record Row(long Id, long ReportId, string Code, bool IsPublic, ReportEventType Type, ReportState? ToState, string? Note, DateTime At, RejectReason? Reason);

    /// <summary>A reply's result photos are written just before its event is (same action): within this of its time.</summary>
    private static readonly TimeSpan ReplyPhotoWindow = TimeSpan.FromMinutes(1);

    /// <param name="mediaBase">The absolute URL the public photos are served under (…/open311/v2/media/).</param>
    public async Task<UpdatePage> ListAsync(UpdateQuery q, bool english, string mediaBase, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Query(db, q).ToListAsync(ct);
        var next = rows.Count > q.PageSize ? Open311Reads.Cursor(rows[q.PageSize - 1].At, rows[q.PageSize - 1].Id) : null;
        rows = rows.Take(q.PageSize).ToList();
        var photos = await ReplyPhotosAsync(db, rows, ct);
        return new(rows.Select(r => ToDto(r, english, photos.TryGetValue(r.Id, out var photo) ? mediaBase + Open311Media.FileName(photo) : null)).ToList(), next);
    }

    /// <summary>
    /// The first result photo of each public reply on the page (update id → photo id): the photo the unit published
    /// with its answer. A report marked "Không công khai" has none here, and its photos are refused by
    /// <see cref="Open311Media"/> anyway.
    /// </summary>
    private static async Task<Dictionary<long, long>> ReplyPhotosAsync(PortalDbContext db, List<Row> rows, CancellationToken ct)
    {
        var replies = rows.Where(r => r.Type == ReportEventType.Replied && r.IsPublic).ToList();
        if (replies.Count == 0)
        {
            return [];
        }

        var reportIds = replies.Select(r => r.ReportId).Distinct().ToList();
        var photos = await db.ReportPhotos.AsNoTracking().Where(p => reportIds.Contains(p.ReportId) && p.Kind == PhotoKind.Result)
            .Select(p => new { p.Id, p.ReportId, p.UploadedAt }).ToListAsync(ct);
        var found = new Dictionary<long, long>();
        foreach (var reply in replies)
        {
            if (photos.Where(p => p.ReportId == reply.ReportId && p.UploadedAt >= reply.At && p.UploadedAt < reply.At + ReplyPhotoWindow)
                .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).FirstOrDefault() is { } photo)
            {
                found[reply.Id] = photo.Id;
            }
        }

        return found;
    }

    /// <summary>One page of the feed (one row more than the page, to tell whether there is a next).</summary>
    internal static IQueryable<Row> Query(PortalDbContext db, UpdateQuery q)
    {
        var events = db.ReportEvents.AsNoTracking()
            .Where(e => e.Visibility == EventVisibility.Public && e.At >= q.FromUtc && e.At <= q.ToUtc)

            // Received is the request itself (not an update); Rated is the citizen's own words (the close or the
            // reopening that follows it is the update).
            .Where(e => e.Type == ReportEventType.Accepted || e.Type == ReportEventType.ProgressUpdate || e.Type == ReportEventType.Replied
                || e.Type == ReportEventType.Rejected || e.Type == ReportEventType.MarkedDuplicate || e.Type == ReportEventType.Reopened
                || e.Type == ReportEventType.Closed);
        if (q.After is { } after)
        {
            events = events.Where(e => e.At > after.At || (e.At == after.At && e.Id > after.Id));
        }

        return events
            .Join(db.Reports.Where(r => r.IsTest == q.Sandbox), e => e.ReportId, r => r.Id, (e, r) => new { e.Id, ReportId = r.Id, r.Code, r.IsPublic, e.Type, e.ToState, e.Note, e.At, r.RejectReason })
            .OrderBy(x => x.At).ThenBy(x => x.Id)
            .Take(q.PageSize + 1)
            .Select(x => new Row(x.Id, x.ReportId, x.Code, x.IsPublic, x.Type, x.ToState, x.Note, x.At, x.RejectReason));
    }

    private static ServiceRequestUpdateDto ToDto(Row r, bool english, string? mediaUrl)
    {
        // Every event of these types changes or keeps a state; ToState is always written (ReportHandling.Apply).
        var state = r.ToState ?? ReportState.InProgress;
        var duplicate = r.Type == ReportEventType.MarkedDuplicate;
        var label = IntakeText.Get(duplicate ? "Open311.State.Duplicate" : "Open311.State." + state, english);
        var text = r.IsPublic && !string.IsNullOrWhiteSpace(r.Note) ? label + ": " + PublicText.Mask(r.Note, english) : label;
        return new ServiceRequestUpdateDto(
            r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Code,
            FixMyStreetStatus(state, duplicate, r.Reason),
            duplicate ? "duplicate" : Open311Reads.StateCode(state),
            Open311Reads.W3C(r.At),
            text,
            mediaUrl);
    }

    /// <summary>
    /// The update's status in the vocabulary FixMyStreet's updater maps to its own states (Open311.pm map_state, as
    /// open311-adapter sends them). Plain "closed" would not do: FixMyStreet reads it as "fixed - council" unless the
    /// body sends extended statuses, so a rejected report would show as fixed. A rejection's reason is the report's
    /// current one (a reopened report has none, and its later updates say "open" anyway).
    /// </summary>
    public static string FixMyStreetStatus(ReportState state, bool duplicate, RejectReason? reason) => state switch
    {
        _ when duplicate => "duplicate",
        ReportState.New => "open",
        ReportState.InProgress => "in_progress",
        ReportState.Resolved => "fixed",
        ReportState.Closed => "closed",
        _ => reason switch
        {
            RejectReason.Duplicate => "duplicate",
            RejectReason.OutsideScope => "not_councils_responsibility",
            _ => "no_further_action",
        },
    };
}
