using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Portal.Security;

/// <summary>
/// Pages send a signed-out visitor to the sign-in page; everything else — the map's GeoJSON, exports, photos, the
/// hub, any endpoint that is not a page — answers 401 (not signed in) or 403 (signed in, not allowed). A script or
/// an app that gets a 302 to an HTML form cannot tell "sign in again" from "here is your data".
/// </summary>
public static class NonPageChallenges
{
    public static IServiceCollection AddNonPageChallenges(this IServiceCollection services) =>
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toAccessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => IsPage(context.HttpContext) ? toLogin(context) : AnswerAsync(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => IsPage(context.HttpContext) ? toAccessDenied(context) : AnswerAsync(context, StatusCodes.Status403Forbidden);
        });

    /// <summary>A routable Razor component (the portal's pages and the account pages).</summary>
    public static bool IsPage(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static Task AnswerAsync(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;

        // A bare status: not the HTML "not found" page that status-code pages would render in its place.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        return Task.CompletedTask;
    }
}
