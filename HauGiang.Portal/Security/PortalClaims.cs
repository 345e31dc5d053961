using System.Globalization;
using System.Security.Claims;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Security;

/// <summary>Claim types the portal adds to the session cookie.</summary>
public static class PortalClaimTypes
{
    public const string DisplayName = "hg:name";
    public const string UnitId = "hg:unit";
    public const string UnitName = "hg:unit_name";
    public const string UnitKind = "hg:unit_kind";
}

/// <summary>
/// Puts the display name and the unit into the session, so every page and service knows the user's scope
/// without a query. A change of unit or role updates the security stamp, which signs the old session out.
/// </summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    PortalDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.UnitId is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Kind }).FirstOrDefaultAsync();
            identity.AddClaim(new Claim(PortalClaimTypes.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(PortalClaimTypes.UnitName, unit?.Name ?? ""));
            identity.AddClaim(new Claim(PortalClaimTypes.UnitKind, (unit?.Kind ?? UnitKind.Province).ToString()));
        }

        return identity;
    }
}

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
