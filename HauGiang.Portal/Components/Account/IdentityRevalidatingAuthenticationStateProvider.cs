using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using HauGiang.Portal.Data;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Components.Account;

// A server-side AuthenticationStateProvider that revalidates the security stamp of the connected user every
// Identity:RevalidationSeconds (30 s by default) while an interactive circuit is connected, so that a locked or
// disabled user loses open pages too. The circuit is also listed in UserSessions, so that signing out (in another
// tab) or an admin's change on this instance signs the page out at once rather than at the next revalidation.
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly UserSessions _sessions;
    private IDisposable? _session;
    private volatile bool _disposed;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IConfiguration configuration,
        UserSessions sessions)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _sessions = sessions;
        RevalidationInterval = UserSessions.RevalidationInterval(configuration);
        AuthenticationStateChanged += Track;
    }

    protected override TimeSpan RevalidationInterval { get; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            AuthenticationStateChanged -= Track;
            Interlocked.Exchange(ref _session, null)?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Lists the circuit under its user while it has one; ending it signs the page out (it then shows sign-in).</summary>
    private async void Track(Task<AuthenticationState> state)
    {
        ClaimsPrincipal principal;
        try
        {
            principal = (await state).User;
        }
        catch (Exception)
        {
            return; // no state to track; the base class reports its own failures
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var next = userId is null || _disposed ? null : _sessions.Open(new UserSessions.Session(
            userId, principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType), () => SetAuthenticationState(SignedOut)));
        Interlocked.Exchange(ref _session, next)?.Dispose();
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDisabled || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
