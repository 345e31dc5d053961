using System.Globalization;
using System.Security.Claims;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Security;

/// <summary>The signed-in user as the portal sees them: name, roles, unit and so their scope.</summary>
public sealed record PortalUser(string Id, string DisplayName, IReadOnlySet<string> Roles, int? UnitId, string? UnitName, UnitKind? UnitKind)
{
    public bool IsProvinceWide => Roles.Contains(Domain.Roles.Coordinator) || Roles.Contains(Domain.Roles.Admin);

    public bool IsHead => Roles.Contains(Domain.Roles.DepartmentHead);

    /// <summary>The main role to show in the app bar (the most senior one).</summary>
    public string PrimaryRole =>
        new[] { Domain.Roles.Admin, Domain.Roles.Coordinator, Domain.Roles.DepartmentHead, Domain.Roles.Officer }.FirstOrDefault(Roles.Contains) ?? "";

    public static PortalUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        int? unitId = int.TryParse(principal.FindFirstValue(PortalClaimTypes.UnitId), CultureInfo.InvariantCulture, out var u) ? u : null;
        UnitKind? kind = Enum.TryParse<UnitKind>(principal.FindFirstValue(PortalClaimTypes.UnitKind), out var k) ? k : null;
        return new PortalUser(id, principal.FindFirstValue(PortalClaimTypes.DisplayName) ?? principal.Identity.Name ?? "", roles, unitId, principal.FindFirstValue(PortalClaimTypes.UnitName), kind);
    }
}
