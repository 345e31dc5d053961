using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Reports;

/// <summary>
/// The report page's reads (the report in scope, its timeline, assignees, transfer targets, possible duplicates) and the
/// coordinator's look at the reporter's contact. The handling actions themselves are <see cref="ReportActions"/>.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<ReportOptions> options,
    TimeProvider clock)
{
    /// <summary>The report as this user may see it, or null when it does not exist or is outside their scope.</summary>
    public async Task<ReportDetail?> GetAsync(PortalUser user, string code, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await ReportScope.Apply(db.Reports.AsNoTracking(), user)
            .Include(r => r.Category)
            .Include(r => r.Area)
            .Include(r => r.Unit)
            .FirstOrDefaultAsync(r => r.Code == code, ct);
        if (report is null)
        {
            return null;
        }

        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => english && u.NameEn != null ? u.NameEn : u.Name, ct);
        var events = await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == report.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var assignee = report.AssignedOfficerId is null ? null
            : await db.Users.Where(u => u.Id == report.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var duplicateOf = report.DuplicateOfId is null ? null
            : await db.Reports.Where(r => r.Id == report.DuplicateOfId).Select(r => r.Code).FirstOrDefaultAsync(ct);

        string? UnitName(int? id) => id is { } i && unitNames.TryGetValue(i, out var n) ? n : null;

        return new ReportDetail(
            report.Id,
            report.Code,
            report.Description,
            report.Category!.Name(english),
            report.Category.Color,
            report.Category.HandlingDays,
            report.Latitude,
            report.Longitude,
            report.Address,
            report.Area?.Name,
            report.UnitId,
            UnitName(report.UnitId),
            assignee,
            report.State,
            report.Priority,
            report.Source,
            report.ReceivedAt,
            report.DueAt,
            report.ResolvedAt,
            report.IsPublic,
            duplicateOf,
            report.RejectReason,
            report.ExtensionRequestedUntil,
            report.Rating,
            report.Version,
            events.Select(e => new TimelineItem(e.At, e.Type, e.ActorName, e.FromState, e.ToState, UnitName(e.FromUnitId), UnitName(e.ToUnitId), e.Note, e.Visibility)).ToList(),
            ReportWorkflow.AllowedActions(report, ReportScope.RoleFor(user)),
            MayRevealReporter(user));
    }

    /// <summary>Officers and heads of the report's unit, to assign it to.</summary>
    public async Task<IReadOnlyList<Choice<string>>> GetAssigneesAsync(PortalUser user, long reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = await ReportScope.Apply(db.Reports.AsNoTracking(), user).Where(r => r.Id == reportId).Select(r => r.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && !u.IsDisabled)
            .OrderBy(u => u.DisplayName).Select(u => new Choice<string>(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Every active unit except the one holding the report, to transfer it to.</summary>
    public async Task<IReadOnlyList<Choice<int>>> GetTransferTargetsAsync(int? currentUnitId, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && u.Id != currentUnitId && u.Kind != UnitKind.Province)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }

    /// <summary>Reports of the same category within the duplicate radius, in the user's scope, nearest first.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> GetDuplicateCandidatesAsync(PortalUser user, long reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await ReportScope.Apply(db.Reports.AsNoTracking(), user).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return [];
        }

        // A box around the point first (indexed), then the exact distance.
        var radius = options.Value.DuplicateRadiusMetres;
        var dLat = radius / 111_000.0;
        var dLon = radius / (111_000.0 * Math.Cos(report.Latitude * Math.PI / 180));
        var nearby = await ReportScope.Apply(db.Reports.AsNoTracking(), user)
            .Where(r => r.Id != report.Id && r.CategoryId == report.CategoryId && r.State != ReportState.Rejected)
            .Where(r => r.Latitude >= report.Latitude - dLat && r.Latitude <= report.Latitude + dLat && r.Longitude >= report.Longitude - dLon && r.Longitude <= report.Longitude + dLon)
            .Select(r => new { r.Id, r.Code, r.Description, r.State, r.Latitude, r.Longitude, r.ReceivedAt })
            .ToListAsync(ct);
        return nearby
            .Select(r => new DuplicateCandidate(r.Id, r.Code, r.Description, r.State, (int)Math.Round(Geo.DistanceMetres(report.Latitude, report.Longitude, r.Latitude, r.Longitude)), r.ReceivedAt))
            .Where(c => c.DistanceMetres <= radius)
            .OrderBy(c => c.DistanceMetres)
            .ToList();
    }

    /// <summary>Coordinators; admins only where <see cref="ReportOptions.AdminsMayRevealReporter"/> says so.</summary>
    private bool MayRevealReporter(PortalUser user) =>
        user.Roles.Contains(Roles.Coordinator) || (options.Value.AdminsMayRevealReporter && user.Roles.Contains(Roles.Admin));

    /// <summary>Shows the reporter's contact to a coordinator, with a reason that goes into the timeline and the audit log.</summary>
    public async Task<RevealedContact?> RevealContactAsync(PortalUser user, long reportId, string reason, CancellationToken ct = default)
    {
        if (!MayRevealReporter(user) || string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var contact = await db.ReporterContacts.AsNoTracking().FirstOrDefaultAsync(c => c.ReportId == reportId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.ReportEvents.Add(new ReportEvent
        {
            ReportId = report.Id,
            At = now,
            Type = ReportEventType.ContactRevealed,
            ActorId = user.Id,
            ActorName = user.DisplayName,
            FromState = report.State,
            ToState = report.State,
            FromUnitId = report.UnitId,
            ToUnitId = report.UnitId,
            Note = reason.Trim(),
            Visibility = EventVisibility.Internal,
        });
        db.AuditEntries.Add(new AuditEntry { At = now, UserId = user.Id, UserName = user.DisplayName, Action = "report.reveal-contact", EntityType = nameof(Report), EntityId = report.Code, Reason = reason.Trim() });
        await db.SaveChangesAsync(ct);
        return new RevealedContact(contact?.Name, contact?.Phone, contact?.Email);
    }
}
