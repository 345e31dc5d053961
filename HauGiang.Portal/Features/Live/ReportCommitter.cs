using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// The one way a change of an existing report is committed — officers' actions (one by one or in bulk), a reply
/// with its result photos, a citizen's rating: take a <see cref="Change"/> before touching the report, apply the
/// domain rule, then <see cref="CommitAsync"/> saves the report (its version checked), its timeline event, any
/// photo rows, an audit entry and the dashboard counters the change moves (decision 019) in one transaction and
/// publishes the change to the live feed, which never waits for a page. New reports come in through intake's writer,
/// which counts them in its batch's transaction and publishes the same way after it commits.
/// </summary>
public sealed class ReportCommitter(ReportFeed feed, Telemetry.PortalMetrics? metrics = null)
{
    /// <summary>What the report was before the change: for the audit entry and for the unit it may leave.</summary>
    public static Change Begin(Report report) => new(Snapshot(report), report.UnitId, DashboardTally.Of(report));

    /// <summary>Saves everything the change added to <paramref name="db"/> in one transaction, then publishes it.</summary>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException">Someone else changed the report first.</exception>
    public async Task CommitAsync(PortalDbContext db, Report report, Change change, string action, string? userId, string userName, DateTime now, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            UserName = userName,
            Action = "report." + action,
            EntityType = nameof(Report),
            EntityId = report.Code,
            Before = change.Before,
            After = Snapshot(report),
        });

        // One transaction: the report (its version is the concurrency token), its event, photos, audit, and the
        // dashboard's counters moved by what the change did to the report (decision 019). Changes are accepted only
        // once it commits, so that the provider's retry (SQL Server) saves them again.
        var counters = DashboardTally.Difference(change.Counted, DashboardTally.Of(report));
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await DashboardCounterStore.ApplyAsync(db, counters, ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.AcceptAllChanges();
        metrics?.ReportActed(action);
        if (report.IsTest)
        {
            // A sandbox client's report (e.g. its media_url photo arriving) is nobody's work: no notice, no live row.
            return;
        }

        feed.Publish(new ReportChange(report.Id, report.Code, report.UnitId, change.PreviousUnitId, report.State, report.Version, IsNew: false, userId, userName, now, action, report.AssignedOfficerId));
    }

    private static string Snapshot(Report r) => string.Create(CultureInfo.InvariantCulture,
        $"state={r.State}; unit={r.UnitId}; assignee={r.AssignedOfficerId}; due={r.DueAt:O}; extension={r.ExtensionRequestedUntil:O}; public={r.IsPublic}; rating={r.Rating}");

    /// <param name="Counted">What the report added to the dashboard's counters before the change.</param>
    public sealed record Change(string Before, int? PreviousUnitId, IReadOnlyList<DashboardCounter> Counted);
}
