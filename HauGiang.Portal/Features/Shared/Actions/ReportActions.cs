using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Shared.Actions;

/// <summary>
/// Every handling action on a report, wherever it is asked (the report page, the queue's bulk actions): load in scope,
/// check the version the user saw, check the state machine, apply, and commit the report, its timeline event, a
/// reply's result photos and an audit entry in one transaction through <see cref="ReportCommitter"/>, which then
/// publishes the change.
/// </summary>
public sealed class ReportActions(
    IDbContextFactory<PortalDbContext> dbFactory,
    CalendarService calendars,
    TimeProvider clock,
    ReportCommitter committer,
    PhotoService photos,
    ILogger<ReportActions> logger)
{
    public const int MaxTextLength = 4000;
    public const int MaxExtensionWorkingDays = 30;

    /// <summary>The deadline after an extension of <paramref name="workingDays"/>: 17:00 on that working day after the current deadline.</summary>
    public async Task<DateTime> ExtendedDeadlineAsync(DateTime currentDueUtc, int workingDays, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(WorkingCalendar.ToLocal(currentDueUtc)), workingDays);
        return WorkingCalendar.FromLocal(day.ToDateTime(WorkingCalendar.EndOfOfficeDay));
    }

    public async Task<ActionResult> ExecuteAsync(PortalUser user, long reportId, ActionRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Category).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !ReportScope.Includes(report, user))
        {
            return new(ActionOutcome.NotFound, "Action.NotFound");
        }

        using var logScope = Telemetry.ReportLog.Scope(logger, report.Code);
        if (report.Version != request.ExpectedVersion)
        {
            return await ConflictAsync(db, report.Id, ct);
        }

        if (request.Text is { Length: > MaxTextLength })
        {
            return new(ActionOutcome.Invalid, "Action.TextTooLong", MaxTextLength.ToString(CultureInfo.InvariantCulture));
        }

        var role = ReportScope.RoleFor(user);
        if (!ReportWorkflow.IsAllowed(request.Action, report, role))
        {
            return new(ActionOutcome.Refused, "Action.Refused");
        }

        if (request.ResultPhotos.Count > 0 && (request.Action != ReportAction.Reply
            || request.ResultPhotos.Count + await db.ReportPhotos.CountAsync(p => p.ReportId == report.Id && p.Kind == PhotoKind.Result, ct) > photos.MaxPerReport))
        {
            return new(ActionOutcome.Invalid, "Action.TooManyPhotos", photos.MaxPerReport.ToString(CultureInfo.InvariantCulture));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = new Actor(user.Id, user.DisplayName, role);
        var change = ReportCommitter.Begin(report);
        try
        {
            var invalid = await ApplyAsync(db, user, report, actor, now, request, ct);
            if (invalid is not null)
            {
                return invalid;
            }
        }
        catch (ArgumentException ex)
        {
            // The domain's own checks, each with its own message for the user.
            return new(ActionOutcome.Invalid, ex.ParamName switch
            {
                "toUnitId" => "Action.SameUnit",
                "original" => "Action.DuplicateOfItself",
                "newDueUtc" => "Action.DateAfterDeadline",
                _ => "Action.TextRequired",
            });
        }

        // Result photos: files first (fresh random names), rows in the same transaction; removed again if it fails.
        var stored = new List<ReportPhoto>();
        try
        {
            foreach (var photo in request.ResultPhotos)
            {
                stored.Add(await photos.WriteFilesAsync(photo, PhotoKind.Result, ct));
            }

            report.Photos.AddRange(stored);
            await committer.CommitAsync(db, report, change, request.Action.ToString().ToLowerInvariant(), user.Id, user.DisplayName, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await photos.DeleteFilesAsync(stored, CancellationToken.None);
            logger.LogInformation("Concurrent change on report {Code}", report.Code);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, report.Id, ct);
        }
        catch
        {
            await photos.DeleteFilesAsync(stored, CancellationToken.None);
            throw;
        }

        return new(ActionOutcome.Done, "Action.Done." + request.Action);
    }

    private async Task<ActionResult?> ApplyAsync(PortalDbContext db, PortalUser user, Report report, Actor actor, DateTime now, ActionRequest request, CancellationToken ct)
    {
        switch (request.Action)
        {
            case ReportAction.Accept:
                ReportHandling.Accept(report, actor, now);
                break;
            case ReportAction.Assign:
                var officer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.OfficerId && u.UnitId == report.UnitId && !u.IsDisabled, ct);
                if (officer is null)
                {
                    return new(ActionOutcome.Invalid, "Action.OfficerRequired");
                }

                ReportHandling.Assign(report, actor, now, officer.Id, officer.DisplayName);
                break;
            case ReportAction.AddNote:
                ReportHandling.AddNote(report, actor, now, request.Text ?? "");
                break;
            case ReportAction.PublicUpdate:
                ReportHandling.PublicUpdate(report, actor, now, request.Text ?? "");
                break;
            case ReportAction.Reply:
                ReportHandling.Reply(report, actor, now, request.Text ?? "");
                break;
            case ReportAction.Transfer:
                if (request.UnitId is not { } target || !await db.Units.AnyAsync(u => u.Id == target && u.IsActive, ct) || target == report.UnitId)
                {
                    return new(ActionOutcome.Invalid, "Action.UnitRequired");
                }

                ReportHandling.Transfer(report, actor, now, target, request.Text ?? "");
                report.DueAt = (await calendars.GetAsync(ct)).DueAtUtc(now, report.Category!.HandlingDays);
                break;
            case ReportAction.Return:
                ReportHandling.Return(report, actor, now, request.Text ?? "");
                break;
            case ReportAction.Reject:
                if (request.RejectReason is not { } reason)
                {
                    return new(ActionOutcome.Invalid, "Action.ReasonRequired");
                }

                ReportHandling.Reject(report, actor, now, reason, request.Text ?? "");
                break;
            case ReportAction.MarkDuplicate:
                var original = request.OriginalId is { } originalId
                    ? await ReportScope.Apply(db.Reports.AsNoTracking(), user).FirstOrDefaultAsync(r => r.Id == originalId && r.CategoryId == report.CategoryId, ct)
                    : null;
                if (original is null)
                {
                    return new(ActionOutcome.Invalid, "Action.OriginalRequired");
                }

                ReportHandling.MarkDuplicate(report, actor, now, original);
                break;
            case ReportAction.RequestExtension:
                DateTime newDue;
                if (request.ExtraWorkingDays is { } days)
                {
                    if (days is < 1 or > MaxExtensionWorkingDays)
                    {
                        return new(ActionOutcome.Invalid, "Action.ExtraDaysRange", MaxExtensionWorkingDays.ToString(CultureInfo.InvariantCulture));
                    }

                    newDue = await ExtendedDeadlineAsync(report.DueAt, days, ct);
                }
                else if (request.NewDueDate is { } date)
                {
                    newDue = WorkingCalendar.FromLocal(date.ToDateTime(WorkingCalendar.EndOfOfficeDay));
                    if (newDue <= now || newDue <= report.DueAt)
                    {
                        return new(ActionOutcome.Invalid, "Action.DateAfterDeadline");
                    }
                }
                else
                {
                    return new(ActionOutcome.Invalid, "Action.DateRequired");
                }

                ReportHandling.RequestExtension(report, actor, now, newDue, request.Text ?? "");
                break;
            case ReportAction.ApproveExtension:
                ReportHandling.ApproveExtension(report, actor, now, request.Text);
                break;
            case ReportAction.RefuseExtension:
                ReportHandling.RefuseExtension(report, actor, now, request.Text);
                break;
            case ReportAction.Escalate:
                var parent = await db.Units.Where(u => u.Id == report.UnitId).Select(u => u.ParentId).FirstOrDefaultAsync(ct);
                if (parent is null)
                {
                    return new(ActionOutcome.Invalid, "Action.NoParent");
                }

                ReportHandling.Escalate(report, actor, now, parent.Value, request.Text ?? "");
                break;
            case ReportAction.Reopen:
                ReportHandling.Reopen(report, actor, now, (await calendars.GetAsync(ct)).DueAtUtc(now, report.Category!.HandlingDays), request.Text ?? "");
                break;
            case ReportAction.SetVisibility:
                ReportHandling.SetVisibility(report, actor, now, request.Flag ?? !report.IsPublic);
                break;
            case ReportAction.Close:
                ReportHandling.Close(report, actor, now);
                break;
            case ReportAction.Route:
                if (request.UnitId is not { } routeTo || !await db.Units.AnyAsync(u => u.Id == routeTo && u.IsActive, ct))
                {
                    return new(ActionOutcome.Invalid, "Action.UnitRequired");
                }

                ReportHandling.Route(report, actor, now, routeTo, request.Text);
                break;
            default:
                return new(ActionOutcome.Refused, "Action.Refused");
        }

        return null;
    }

    private static async Task<ActionResult> ConflictAsync(PortalDbContext db, long reportId, CancellationToken ct)
    {
        var last = await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == reportId).OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefaultAsync(ct);
        return new(ActionOutcome.Conflict, "Action.Conflict", last ?? "?");
    }
}
