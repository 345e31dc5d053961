using HauGiang.Portal.Security;
using MudBlazor;

namespace HauGiang.Portal.Features.Admin;

/// <summary>The admin screens, for the landing page and the menu. Users and the audit log are for admins only.</summary>
public static class AdminScreens
{
    public sealed record Screen(string Key, string Href, string Icon, string Policy);

    public static readonly IReadOnlyList<Screen> All =
    [
        new("Categories", "/admin/categories", Icons.Material.Filled.Category, Policies.ViewAdministration),
        new("Units", "/admin/units", Icons.Material.Filled.AccountTree, Policies.ViewAdministration),
        new("Routing", "/admin/routing", Icons.Material.Filled.AltRoute, Policies.ViewAdministration),
        new("Users", "/admin/users", Icons.Material.Filled.People, Policies.Administer),
        new("Calendar", "/admin/calendar", Icons.Material.Filled.CalendarMonth, Policies.ViewAdministration),
        new("Templates", "/admin/templates", Icons.Material.Filled.Quickreply, Policies.ViewAdministration),
        new("ApiClients", "/admin/api-clients", Icons.Material.Filled.Key, Policies.Administer),
        new("Audit", "/admin/audit", Icons.Material.Filled.History, Policies.Administer),
        new("Backups", "/admin/backups", Icons.Material.Filled.Backup, Policies.Administer),
        new("Status", "/admin/status", Icons.Material.Filled.MonitorHeart, Policies.Administer),
    ];
}
