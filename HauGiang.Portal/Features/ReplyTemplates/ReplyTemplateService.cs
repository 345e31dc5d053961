using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HauGiang.Portal.Components.Shared;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.ReplyTemplates;

/// <summary>
/// Reply templates (decision 015): admins keep them for every unit or for any one unit, a unit's head for that unit
/// only, and coordinators may look. Scope is checked here on every read and change, never only in the page; each
/// change writes one audit entry in the same transaction. Also what the action dialog asks for
/// (<see cref="IReplyTemplateOffers"/>): the templates for one report, action and the officer's unit, filled in.
/// </summary>
public sealed class ReplyTemplateService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IReplyTemplateOffers
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Vietnamese stays readable in the audit log, which shows it as text, never as HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Admins change every template; a head only their own unit's (never the shared ones).</summary>
    public static bool CanManage(PortalUser user, int? templateUnitId) =>
        user.Roles.Contains(Roles.Admin) || (user.IsHead && user.UnitId is { } unit && templateUnitId == unit);

    /// <summary>Whether the user may add templates at all (the page's "new" button).</summary>
    public static bool CanCreate(PortalUser user) => user.Roles.Contains(Roles.Admin) || (user.IsHead && user.UnitId is not null);

    /// <summary>Province-wide users see every template; anyone else the shared ones and their own unit's.</summary>
    private static IQueryable<ReplyTemplate> Visible(IQueryable<ReplyTemplate> templates, PortalUser user) =>
        user.IsProvinceWide ? templates
        : user.UnitId is { } unit ? templates.Where(t => t.UnitId == null || t.UnitId == unit)
        : templates.Where(t => t.UnitId == null);

    public async Task<IReadOnlyList<TemplateRow>> ListAsync(PortalUser user, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from t in Visible(db.ReplyTemplates.AsNoTracking(), user)
            join c in db.Categories on t.CategoryId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            join u in db.Units on t.UnitId equals u.Id into us
            from u in us.DefaultIfEmpty()
            select new { t, Category = c == null ? null : english ? c.NameEn : c.NameVi, Unit = u == null ? null : english && u.NameEn != null ? u.NameEn : u.Name })
            .ToListAsync(ct);
        return rows
            .Select(r => new TemplateRow(r.t.Id, r.t.Action, r.t.CategoryId, r.Category, r.t.UnitId, r.Unit, r.t.Title, r.t.Text, r.t.UpdatedAt, r.t.UpdatedBy, CanManage(user, r.t.UnitId)))
            .OrderBy(r => ReplyTemplate.Actions.ToList().IndexOf(r.Action)).ThenBy(r => r.UnitName != null).ThenBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ThenBy(r => r.CategoryName != null).ThenBy(r => r.CategoryName, StringComparer.CurrentCulture).ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<IReadOnlyList<TemplateChoice>> CategoryChoicesAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new TemplateChoice(c.Id, english ? c.NameEn : c.NameVi)).ToListAsync(ct);
    }

    /// <summary>The units this user may keep templates for: any unit for admins, their own for a head.</summary>
    public async Task<IReadOnlyList<TemplateChoice>> UnitChoicesAsync(PortalUser user, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.Units.AsNoTracking();
        units = user.Roles.Contains(Roles.Admin) ? units : user.IsHead && user.UnitId is { } own ? units.Where(u => u.Id == own) : units.Where(_ => false);
        return await units.OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new TemplateChoice(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToListAsync(ct);
    }

    public async Task<TemplateResult> SaveAsync(PortalUser user, TemplateForm form, CancellationToken ct = default)
    {
        if (!CanManage(user, form.UnitId))
        {
            return TemplateResult.Refused;
        }

        var title = form.Title.Trim();
        var text = form.Text.Trim();
        if (title.Length == 0 || text.Length == 0)
        {
            return TemplateResult.Invalid("Template.Required");
        }

        if (title.Length > ReplyTemplate.TitleMaxLength || text.Length > ReplyTemplate.TextMaxLength)
        {
            return TemplateResult.Invalid("Template.TooLong", ReplyTemplate.TextMaxLength.ToString(CultureInfo.InvariantCulture));
        }

        if (!ReplyTemplate.Actions.Contains(form.Action))
        {
            return TemplateResult.Invalid("Template.ActionInvalid");
        }

        if (ReplyTemplateText.UnknownPlaceholders(text) is [var unknown, ..])
        {
            return TemplateResult.Invalid("Template.UnknownPlaceholder", unknown);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if ((form.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            || (form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct)))
        {
            return TemplateResult.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        ReplyTemplate template;
        string? before = null;
        if (form.Id == 0)
        {
            template = new ReplyTemplate { CreatedAt = now };
            db.ReplyTemplates.Add(template);
        }
        else
        {
            var existing = await Visible(db.ReplyTemplates, user).FirstOrDefaultAsync(t => t.Id == form.Id, ct);
            if (existing is null)
            {
                return TemplateResult.NotFound;
            }

            // Both the unit it belongs to and the unit it would move to must be the user's to change.
            if (!CanManage(user, existing.UnitId))
            {
                return TemplateResult.Refused;
            }

            template = existing;
            before = await SnapshotAsync(db, template, ct);
        }

        template.Action = form.Action;
        template.CategoryId = form.CategoryId;
        template.UnitId = form.UnitId;
        template.Title = title;
        template.Text = text;
        template.UpdatedAt = now;
        template.UpdatedBy = user.DisplayName;
        var after = await SnapshotAsync(db, template, ct);
        if (before == after)
        {
            return TemplateResult.Saved;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Audit(user, now, form.Id == 0 ? "template.create" : "template.update", template.Id, before, after));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TemplateResult.Saved;
    }

    public async Task<TemplateResult> DeleteAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await Visible(db.ReplyTemplates, user).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return TemplateResult.NotFound;
        }

        if (!CanManage(user, template.UnitId))
        {
            return TemplateResult.Refused;
        }

        var before = await SnapshotAsync(db, template, ct);
        db.ReplyTemplates.Remove(template);
        db.AuditEntries.Add(Audit(user, clock.GetUtcNow().UtcDateTime, "template.delete", id, before, null));
        await db.SaveChangesAsync(ct);
        return TemplateResult.Deleted;
    }

    /// <summary>
    /// The templates for this action on this report, as the officer's dialog offers them: the report must be in the
    /// user's scope (decision 003; otherwise nothing), the template for the report's category or any, and kept for
    /// every unit or for the user's own unit. The user's unit's come first, then the category's own.
    /// </summary>
    public async Task<IReadOnlyList<ReplyTemplateOffer>> ForReportAsync(PortalUser user, long reportId, ReportAction action, CancellationToken ct = default)
    {
        if (!ReplyTemplate.Actions.Contains(action))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new
            {
                r.Code,
                r.CategoryId,
                r.UnitId,
                r.DueAt,
                r.Address,
                Category = r.Category!.NameVi,
                Area = r.Area != null ? r.Area.Name : null,
                Unit = r.Unit != null ? r.Unit.Name : null,
            })
            .FirstOrDefaultAsync(ct);
        if (report is null || !(user.IsProvinceWide || (user.UnitId is { } own && report.UnitId == own)))
        {
            return [];
        }

        var unit = user.UnitId;
        var templates = await db.ReplyTemplates.AsNoTracking()
            .Where(t => t.Action == action && (t.CategoryId == null || t.CategoryId == report.CategoryId) && (t.UnitId == null || t.UnitId == unit))
            .Select(t => new { t.Id, t.Title, t.Text, t.UnitId, t.CategoryId })
            .ToListAsync(ct);

        // Replies go to citizens in Vietnamese: the category's Vietnamese name whatever the officer's UI language.
        var values = new ReplyTemplateValues(report.Code, report.Category, ReplyTemplateText.Place(report.Address, report.Area),
            report.Unit ?? user.UnitName ?? "", report.DueAt);
        return templates
            .OrderBy(t => t.UnitId == null).ThenBy(t => t.CategoryId == null).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new ReplyTemplateOffer(t.Id, t.Title, ReplyTemplateText.Fill(t.Text, values)))
            .ToList();
    }

    private static async Task<string> SnapshotAsync(PortalDbContext db, ReplyTemplate t, CancellationToken ct)
    {
        var category = t.CategoryId is { } c ? await db.Categories.Where(x => x.Id == c).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        var unit = t.UnitId is { } u ? await db.Units.Where(x => x.Id == u).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return JsonSerializer.Serialize(new { t.Title, t.Action, category, unit, t.Text }, Json);
    }

    private static AuditEntry Audit(PortalUser user, DateTime now, string action, int id, string? before, string? after) => new()
    {
        At = now,
        UserId = user.Id,
        UserName = user.DisplayName,
        Action = action,
        EntityType = nameof(ReplyTemplate),
        EntityId = id.ToString(CultureInfo.InvariantCulture),
        Before = before,
        After = after,
    };
}
