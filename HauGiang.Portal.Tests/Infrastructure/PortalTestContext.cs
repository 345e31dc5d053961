using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// The one bUnit base context (as MudBlazor's own tests do): loose JS interop, MudBlazor services, the app's
/// real resources in Vietnamese, and a helper to sign a user in with the claims the app puts in the session.
/// </summary>
public abstract class PortalTestContext : BunitContext
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentUICulture;

    protected PortalTestContext(string culture = "vi-VN")
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddTransient<MudBlazor.MudLocalizer, Portal.Localization.PortalMudLocalizer>();
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        CultureInfo.CurrentCulture = new CultureInfo(culture);
    }

    protected BunitAuthorizationContext SignIn(string name, string role, string? unitName, int? unitId = 1)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-" + name), new(PortalClaimTypes.DisplayName, name) };
        if (unitId is not null)
        {
            claims.Add(new(PortalClaimTypes.UnitId, unitId.Value.ToString(CultureInfo.InvariantCulture)));
            claims.Add(new(PortalClaimTypes.UnitName, unitName ?? ""));
            claims.Add(new(PortalClaimTypes.UnitKind, nameof(UnitKind.Ward)));
        }

        auth.SetClaims([.. claims]);
        return auth;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _previousCulture;
        if (disposing)
        {
            // xunit 2 disposes test classes synchronously, but some MudBlazor services (e.g. the table pager's
            // PointerEventsNoneService) can only be disposed asynchronously; DisposeAsync ends with Dispose(false).
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        base.Dispose(disposing);
    }
}
