using System.Globalization;
using System.Security.Claims;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Security;

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
