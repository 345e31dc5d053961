using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// Which reports a user may see and in which capacity they act. Every query of reports goes through
/// <see cref="Apply"/>; every action re-checks <see cref="Includes"/> on the loaded report.
/// </summary>
public static class ReportScope
{
    /// <summary>
    /// Officers and heads: their own unit's reports. Coordinators and admins: all, including unrouted ones — but never
    /// a sandbox client's (<see cref="Report.IsTest"/>). Those are stored without a unit, so a unit's filter already
    /// leaves them out (and its counts stay on the covering indexes); only the province-wide scope needs the flag.
    /// </summary>
    public static IQueryable<Report> Apply(IQueryable<Report> reports, PortalUser user) =>
        user.IsProvinceWide ? reports.Where(r => !r.IsTest)
        : user.UnitId is { } unit ? reports.Where(r => r.UnitId == unit)
        : reports.Where(_ => false);

    public static bool Includes(Report report, PortalUser user) =>
        !report.IsTest && (user.IsProvinceWide || (user.UnitId is { } unit && report.UnitId == unit));

    public static ActingRole RoleFor(PortalUser user) =>
        user.IsProvinceWide ? ActingRole.Coordinator
        : user.IsHead ? ActingRole.UnitHead
        : ActingRole.UnitOfficer;
}
