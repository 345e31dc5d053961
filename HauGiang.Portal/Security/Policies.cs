using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Authorization;

namespace HauGiang.Portal.Security;

/// <summary>Named authorization policies. Every page names one; services re-check scope themselves.</summary>
public static class Policies
{
    /// <summary>Any signed-in officer of the portal (all four roles).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Handles reports: officers, heads, coordinators (and admins).</summary>
    public const string HandleReports = nameof(HandleReports);

    /// <summary>Watches backlogs: department/ward heads, coordinators, admins.</summary>
    public const string ViewDashboard = nameof(ViewDashboard);

    /// <summary>Province-wide coordination: routing the unroutable, revealing a reporter's contact.</summary>
    public const string Coordinate = nameof(Coordinate);

    /// <summary>Administration of categories, units, users, calendar, API clients.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Read-only views of the administration that coordinators need.</summary>
    public const string ViewAdministration = nameof(ViewAdministration);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(Roles.All))
        .AddPolicy(HandleReports, p => p.RequireRole(Roles.All))
        .AddPolicy(ViewDashboard, p => p.RequireRole(Roles.DepartmentHead, Roles.Coordinator, Roles.Admin))
        .AddPolicy(Coordinate, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Admin))
        .AddPolicy(ViewAdministration, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
}
