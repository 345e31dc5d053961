using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>Arranges data in the app's real database: each test makes its own reports, so tests never share one.</summary>
public static class TestData
{
    private static int _sequence;

    /// <summary>A new report received now and routed to the unit with this code (e.g. UBND-31321), with a reporter contact.</summary>
    public static async Task<Report> CreateReportAsync(this PortalApp app, string unitCode = "UBND-31321", string categoryCode = "rac-thai", string? description = null, double? lat = null, double? lon = null)
    {
        await using var db = app.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var category = await db.Categories.SingleAsync(c => c.Code == categoryCode);
        var area = unit.AreaId is { } areaId ? await db.Areas.SingleAsync(a => a.Id == areaId) : await db.Areas.FirstAsync();
        var now = app.Now;
        var n = Interlocked.Increment(ref _sequence);
        var report = new Report
        {
            Code = $"HG-2099-{n:000000}",
            Description = description ?? $"Phản ánh kiểm thử số {n}: rác thải ùn ứ trước chợ.",
            CategoryId = category.Id,
            Latitude = lat ?? area.CenterLatitude,
            Longitude = lon ?? area.CenterLongitude,
            Address = "đường 3 Tháng 2",
            AreaId = area.Id,
            ReceivedAt = now,
            DueAt = new WorkingCalendar(await db.CalendarDays.ToListAsync()).DueAtUtc(now, category.HandlingDays),
        };
        ReportHandling.Receive(report, now, unit.Id);
        db.Reports.Add(report);
        await db.SaveChangesAsync();

        // Counted on the dashboard as intake counts a new report (decision 019).
        await DashboardCounterStore.ApplyAsync(db, DashboardTally.Of(report), default);
        db.ReporterContacts.Add(new ReporterContact { ReportId = report.Id, Name = "Trần Thị Bí Mật", Phone = "0912345678", Email = "bimat@example.vn" });
        await db.SaveChangesAsync();
        return report;
    }

    /// <summary>The portal's view of a demo account, as the claims factory would build it.</summary>
    public static async Task<PortalUser> UserAsync(this PortalApp app, string email)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.Include(u => u.Unit).SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new PortalUser(user.Id, user.DisplayName, roles.ToHashSet(), user.UnitId, user.Unit?.Name, user.Unit?.Kind);
    }

    public static async Task<Report> ReloadAsync(this PortalApp app, long id)
    {
        await using var db = app.CreateDbContext();
        return await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id);
    }
}
