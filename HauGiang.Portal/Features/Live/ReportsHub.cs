using System.Globalization;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// For outside clients (wall displays, the mobile app): report changes pushed to a group per unit, and to the
/// province-wide group for coordinators. Our own components use the in-process feed, never this hub.
/// A connection is listed in <see cref="UserSessions"/>: signing out, a lock or a change of role or unit closes it
/// (at once on this instance, else at the next revalidation). Browsers may connect only from this site
/// (<see cref="SameOriginConnections"/>).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReportsHub(UserSessions sessions, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identity) : Hub
{
    public const string Path = "/hubs/reports";
    public const string AllGroup = "all";

    public static string UnitGroup(int unitId) => "unit-" + unitId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var user = Context.User is { } principal ? PortalUser.From(principal) : null;
        if (user is null)
        {
            Context.Abort();
            return;
        }

        Context.Items[typeof(UserSessions)] = sessions.Open(new UserSessions.Session(
            user.Id, Context.User!.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value, Context.Abort));
        if (user.IsProvinceWide)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AllGroup);
        }
        else if (user.UnitId is { } unit)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UnitGroup(unit));
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        (Context.Items[typeof(UserSessions)] as IDisposable)?.Dispose();
        return base.OnDisconnectedAsync(exception);
    }
}
