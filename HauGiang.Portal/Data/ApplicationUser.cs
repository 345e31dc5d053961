using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Portal.Data;

/// <summary>An officer's account. Accounts are created by admins; there is no self-registration.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The unit the user works for; null for province-wide roles that belong to no unit.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>Disabled by an admin: signs out at once and cannot sign in (separate from the lockout counter).</summary>
    public bool IsDisabled { get; set; }
}
