using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// The working calendar's exceptions to the Monday–Friday week. Changes apply to deadlines computed from now on
/// (new reports, transfers, reopenings, extensions); deadlines already set are not moved.
/// </summary>
public sealed class CalendarAdminService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CalendarDay>> YearAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct);
    }

    /// <summary>Adds or changes the exception on one date.</summary>
    public async Task<AdminResult> SaveAsync(PortalUser user, DateOnly date, CalendarDayKind kind, string name, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return AdminResult.Invalid("Calendar.NameRequired");
        }

        if (!Enum.IsDefined(kind))
        {
            return AdminResult.Invalid("Calendar.KindRequired");
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == CalendarDayKind.MakeUpWorkingDay && !weekend)
        {
            return AdminResult.Invalid("Calendar.MakeUpOnWeekday");
        }

        if (kind == CalendarDayKind.SubstituteDayOff && weekend)
        {
            return AdminResult.Invalid("Calendar.SubstituteOnWeekend");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        var before = day is null ? null : new { kind = day.Kind, name = day.Name };
        if (day is null)
        {
            day = new CalendarDay { Date = date };
            db.CalendarDays.Add(day);
        }
        else if (day.Kind == kind && day.Name == name)
        {
            return AdminResult.Done("Admin.NoChange");
        }

        day.Kind = kind;
        day.Name = name;
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, before is null ? "calendar.add" : "calendar.update", nameof(CalendarDay),
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), before, new { kind, name }));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Removes the exception: the date is an ordinary weekday or weekend day again.</summary>
    public async Task<AdminResult> RemoveAsync(PortalUser user, DateOnly date, CancellationToken ct = default)
    {
        if (!user.CanAdminister())
        {
            return AdminResult.Refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            return AdminResult.NotFound;
        }

        db.CalendarDays.Remove(day);
        db.AuditEntries.Add(AdminAudit.Entry(user, clock.GetUtcNow().UtcDateTime, "calendar.remove", nameof(CalendarDay),
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new { kind = day.Kind, name = day.Name }, null));
        await db.SaveChangesAsync(ct);
        return AdminResult.Done("Calendar.Removed");
    }
}
