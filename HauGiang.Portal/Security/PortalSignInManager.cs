using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Security;

/// <summary>
/// Refuses sign-in to accounts an admin has disabled, and makes a refusal cost the same whether or not the account
/// exists: for an unknown e-mail (or a disabled account) a dummy password hash is verified, so the answer's timing
/// does not tell which accounts exist.
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    DummyPasswordHash dummy)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            dummy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a disabled account before it hashes anything: hash anyway, for the same reason as above.
        if (user.IsDisabled)
        {
            dummy.Verify(UserManager.PasswordHasher, password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}

/// <summary>
/// A hash made once with the app's own <see cref="IPasswordHasher{TUser}"/> (same algorithm and iteration count as
/// real accounts), verified against whatever was typed when there is no account to check.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };

    private string? _hash;

    public void Verify(IPasswordHasher<ApplicationUser> hasher, string? password)
    {
        // Two first requests may both make a hash; either is as good.
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
