using System.Security.Claims;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Portal.Features.Digest;

/// <summary>
/// Whether a head or coordinator wants the morning digest: the Identity user claim "hg:digest" = "on"/"off", absent =
/// on (decision 010, "E-mail digest"), set on "Tài khoản của tôi › Thông báo".
/// </summary>
public static class DigestPreference
{
    public const string Claim = "hg:digest";

    public const string Off = "off";

    /// <summary>Only department heads and coordinators receive a digest, so only they see the switch.</summary>
    public static bool IsFor(ClaimsPrincipal user) => user.IsInRole(Domain.Roles.DepartmentHead) || user.IsInRole(Domain.Roles.Coordinator);

    public static bool IsOn(IEnumerable<Claim> claims) => claims.LastOrDefault(c => c.Type == Claim)?.Value != Off;

    /// <summary>Stores the choice through Identity (the security stamp is not touched, so no session ends).</summary>
    public static async Task<IdentityResult> SaveAsync(UserManager<ApplicationUser> users, ApplicationUser user, bool on)
    {
        var old = (await users.GetClaimsAsync(user)).Where(c => c.Type == Claim).ToList();
        if (old.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, old);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddClaimAsync(user, new Claim(Claim, on ? "on" : Off));
    }
}
