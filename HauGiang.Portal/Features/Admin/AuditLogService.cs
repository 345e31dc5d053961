using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// Reads the audit log, newest first, in pages keyed by id (never OFFSET). There is no write path here and no UI
/// to change or delete an entry: entries are only ever added by the change they record.
/// </summary>
public sealed class AuditLogService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int PageSize = 50;

    public async Task<AuditLogPage> PageAsync(AuditFilter filter, long? before, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(a => a.UserName.Contains(user));
        }

        if (filter.From is { } from)
        {
            var fromUtc = WorkingCalendar.FromLocal(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = WorkingCalendar.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => (a.EntityId != null && a.EntityId.Contains(text)) || (a.Before != null && a.Before.Contains(text))
                || (a.After != null && a.After.Contains(text)) || (a.Reason != null && a.Reason.Contains(text)));
        }

        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(PageSize + 1)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Before, a.After, a.Reason))
            .ToListAsync(ct);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
        return new AuditLogPage(rows.Take(PageSize).ToList(), next);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }
}
