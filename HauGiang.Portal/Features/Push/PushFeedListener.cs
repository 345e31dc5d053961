using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// Turns committed report changes into pushes. It is a subscriber of the live feed like any page (decision 008):
/// its own mailbox, its own loop, so a writer never waits for it, and a slow database read here delays only pushes.
/// Only changes committed on this instance (each instance pushes its own, so several instances never send twice).
/// What it finds to send goes to <see cref="PushOutbox"/>; <see cref="PushSender"/> sends it.
/// </summary>
public sealed class PushFeedListener(
    ReportFeed feed,
    IDbContextFactory<PortalDbContext> dbFactory,
    PushOutbox outbox,
    IStringLocalizer<PushResource> text,
    ILogger<PushFeedListener> logger) : IHostedService
{
    /// <summary>Room for a burst (a flood, a bulk action) before the oldest changes are dropped.</summary>
    public const int Mailbox = 10_000;

    private IDisposable? _subscription;
    private long _handled;

    /// <summary>Changes looked at since start (tests wait on it to know that nothing more will be queued).</summary>
    public long Handled => Interlocked.Read(ref _handled);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(FeedScope.Everything, HandleAsync, Mailbox, localOnly: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task HandleAsync(IReadOnlyList<ReportChange> changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var change in changes)
        {
            try
            {
                await HandleAsync(db, change, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not work out the pushes for report {Code}", change.Code);
            }
            finally
            {
                Interlocked.Increment(ref _handled);
            }
        }
    }

    private async Task HandleAsync(PortalDbContext db, ReportChange change, CancellationToken ct)
    {
        var entered = change.IsNew || change.PreviousUnitId != change.UnitId;
        var types = change.IsNew ? [] : await db.ReportEvents.AsNoTracking()
            .Where(e => e.ReportId == change.ReportId && e.At == change.At)
            .Select(e => e.Type).ToListAsync(ct);
        var assigned = types.Contains(ReportEventType.Assigned);
        var extension = types.Contains(ReportEventType.ExtensionRequested);
        if (!entered && !assigned && !extension)
        {
            return;
        }

        var report = await db.Reports.AsNoTracking().Where(r => r.Id == change.ReportId)
            .Select(r => new { r.UnitId, r.State, r.AssignedOfficerId, Category = r.Category!.NameVi, Area = r.Area!.Name, r.Address })
            .FirstOrDefaultAsync(ct);
        if (report is null || report.State is not (ReportState.New or ReportState.InProgress))
        {
            return;
        }

        var place = PushRecipients.Place(report.Address, report.Area);
        var sent = new HashSet<long>();
        if (entered)
        {
            await outbox.QueueAsync(PushRecipients.InScopeOf(db, change.UnitId, change.ActorId), new PushNotice(PushKind.NewInScope, change.Code, report.Category, place), text, sent, ct);
        }

        if (assigned && report.AssignedOfficerId is { } assignee && assignee != change.ActorId)
        {
            await outbox.QueueAsync(PushRecipients.OfUser(db, assignee, report.UnitId), new PushNotice(PushKind.Assigned, change.Code, report.Category, place), text, sent, ct);
        }

        if (extension)
        {
            await outbox.QueueAsync(PushRecipients.HeadsOf(db, report.UnitId, change.ActorId), new PushNotice(PushKind.ExtensionRequested, change.Code, report.Category, place), text, sent, ct);
        }
    }
}
