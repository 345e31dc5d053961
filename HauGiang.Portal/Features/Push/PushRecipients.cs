using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// Whose devices hear of a report: exactly the users whose scope shows it — the unit's staff, or the coordinators for
/// a report with no unit — never the one who made the change, never a disabled account.
/// </summary>
internal static class PushRecipients
{
    private static readonly string[] UnitStaff = [Roles.Officer, Roles.DepartmentHead];
    private static readonly string[] Heads = [Roles.DepartmentHead];
    private static readonly string[] Coordinators = [Roles.Coordinator];

    /// <summary>Devices of those who now see a report that entered a unit's scope (or the coordinators', for no unit).</summary>
    public static IQueryable<WebPushSubscription> InScopeOf(PortalDbContext db, int? unitId, string? except) =>
        unitId is { } unit ? Devices(db, unit, UnitStaff, except) : Devices(db, null, Coordinators, except);

    /// <summary>Devices of the heads of a unit (who approve extensions).</summary>
    public static IQueryable<WebPushSubscription> HeadsOf(PortalDbContext db, int? unitId, string? except) =>
        unitId is { } unit ? Devices(db, unit, Heads, except) : db.PushSubscriptions.Where(_ => false);

    /// <summary>Devices of one user, only while they belong to the report's unit.</summary>
    public static IQueryable<WebPushSubscription> OfUser(PortalDbContext db, string userId, int? unitId) =>
        from s in db.PushSubscriptions
        join u in db.Users on s.UserId equals u.Id
        where s.UserId == userId && !u.IsDisabled && unitId != null && u.UnitId == unitId
        select s;

    private static IQueryable<WebPushSubscription> Devices(PortalDbContext db, int? unitId, string[] roles, string? except) =>
        from s in db.PushSubscriptions
        join u in db.Users on s.UserId equals u.Id
        where !u.IsDisabled && (unitId == null || u.UnitId == unitId) && (except == null || s.UserId != except)
              && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
        select s;

    /// <summary>The place a push names: the address as reported, else the ward or commune; short.</summary>
    public static string Place(string? address, string? area)
    {
        var place = string.IsNullOrWhiteSpace(address) ? area ?? "" : address.Trim();
        return place.Length <= 100 ? place : place[..99] + "…";
    }
}
