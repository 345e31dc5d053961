using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// Reminds an officer, once, that a report assigned to them falls due within the "sắp đến hạn" window
/// (<c>Reports:DueSoonWorkingDays</c> working days, as the queue's tab counts it). Looks every
/// <c>Push:DueSoonCheckMinutes</c> on the app's clock. A reminder is claimed by inserting its row
/// (<see cref="DueSoonPush"/>: report and deadline) before it is sent, so several instances never send it twice,
/// and an extended deadline gets a reminder of its own.
/// </summary>
public sealed class DueSoonPushJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    CalendarService calendars,
    PushOutbox outbox,
    IStringLocalizer<PushResource> text,
    IOptions<ReportOptions> reportOptions,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<DueSoonPushJob> logger) : BackgroundService
{
    /// <summary>Reminders claimed in one look, at most (the next look takes the rest).</summary>
    private const int Batch = 500;

    /// <summary>Looks once: queues the reminders that are due and not yet sent; returns how many reports it reminded of.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var local = WorkingCalendar.ToLocal(now);
        // The same window as the queue's "Sắp đến hạn" tab: N working days later, same time of day.
        var limitDay = calendar.AddWorkingDays(DateOnly.FromDateTime(local), reportOptions.Value.DueSoonWorkingDays);
        var limit = WorkingCalendar.FromLocal(limitDay.ToDateTime(TimeOnly.FromDateTime(local)));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await DueQuery(db, now, limit).Take(Batch).ToListAsync(ct);

        var reminded = 0;
        foreach (var r in due)
        {
            if (!await ClaimAsync(r.Id, r.DueAt, now, ct))
            {
                continue;
            }

            var notice = new PushNotice(PushKind.DueSoon, r.Code, r.Category, PushRecipients.Place(r.Address, r.Area));
            await outbox.QueueAsync(PushRecipients.OfUser(db, r.Assignee, r.UnitId), notice, text, [], ct);
            reminded++;
        }

        return reminded;
    }

    /// <summary>Open reports assigned to someone with a device, due between now and the window's end, not reminded of at this deadline.</summary>
    internal static IQueryable<DueReminder> DueQuery(PortalDbContext db, DateTime now, DateTime limit) =>
        db.Reports.AsNoTracking()
            .Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.AssignedOfficerId != null && r.DueAt >= now && r.DueAt <= limit)
            .Where(r => db.PushSubscriptions.Any(s => s.UserId == r.AssignedOfficerId))
            .Where(r => !db.DueSoonPushes.Any(d => d.ReportId == r.Id && d.DueAt == r.DueAt))
            .OrderBy(r => r.DueAt)
            .Select(r => new DueReminder(r.Id, r.Code, r.DueAt, r.UnitId, r.AssignedOfficerId!, r.Category!.NameVi, r.Area!.Name, r.Address));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.DueSoonCheckMinutes)), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Looking for due-soon reminders failed; trying again at the next look");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Inserts the reminder's row; false if another instance (or an earlier look) has it.</summary>
    private async Task<bool> ClaimAsync(long reportId, DateTime dueAt, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DueSoonPushes.Add(new DueSoonPush { ReportId = reportId, DueAt = dueAt, SentAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}

internal sealed record DueReminder(long Id, string Code, DateTime DueAt, int? UnitId, string Assignee, string Category, string? Area, string? Address);
