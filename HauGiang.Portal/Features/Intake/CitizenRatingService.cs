using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// The citizen's rating of a resolved report (Open311 extension). A good rating closes it; "not satisfied" reopens
/// it with a new deadline, as a unit head would. Only the API client that sent the report may rate it. Committed like
/// any officer's action (<see cref="ReportCommitter"/>): audited, and the unit's open pages see it at once.
/// </summary>
public sealed class CitizenRatingService(IDbContextFactory<PortalDbContext> dbFactory, CalendarService calendars, TimeProvider clock, ReportCommitter committer)
{
    public const string CitizenName = "Người dân";

    public async Task<RatingOutcome> RateAsync(string code, int apiClientId, CitizenRating rating, string? comment, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Category).FirstOrDefaultAsync(r => r.Code == code, ct);
        if (report is null)
        {
            return RatingOutcome.NotFound;
        }

        if (report.ApiClientId != apiClientId)
        {
            return RatingOutcome.NotYours;
        }

        if (report.State != ReportState.Resolved || report.Rating is not null)
        {
            return RatingOutcome.NotResolved;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var change = ReportCommitter.Begin(report);
        var note = rating.ToString() + (string.IsNullOrWhiteSpace(comment) ? "" : ": " + comment.Trim()[..Math.Min(comment.Trim().Length, 1000)]);
        report.Rating = rating;
        report.RatedAt = now;
        report.Version++;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = report.Id,
            At = now,
            Type = ReportEventType.Rated,
            ActorName = CitizenName,
            FromState = report.State,
            ToState = report.State,
            FromUnitId = report.UnitId,
            ToUnitId = report.UnitId,
            Note = note,
            Visibility = EventVisibility.Public,
        });
        if (rating == CitizenRating.NotSatisfied)
        {
            var due = (await calendars.GetAsync(ct)).DueAtUtc(now, report.Category!.HandlingDays);
            ReportHandling.Reopen(report, Actor.System, now.AddTicks(1), due, "Người dân không hài lòng với kết quả xử lý" + (string.IsNullOrWhiteSpace(comment) ? "." : ": " + comment.Trim()));
        }
        else
        {
            ReportHandling.Close(report, Actor.System, now.AddTicks(1));
        }

        try
        {
            await committer.CommitAsync(db, report, change, rating == CitizenRating.NotSatisfied ? "rate-reopen" : "rate", null, CitizenName, now, ct);
            return RatingOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return RatingOutcome.Conflict;
        }
    }
}
