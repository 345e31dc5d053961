using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using HauGiang.Portal.Data;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    // No external logins and no personal-data download: officers' accounts are created and managed by admins.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] HauGiang.Portal.Security.UserSessions sessions,
            [FromForm] string? returnUrl) =>
        {
            // Signing out ends every session of this user: a new security stamp invalidates other tabs' and devices'
            // cookies at their next check; open pages and hub connections on this instance end now, on other
            // instances at their next revalidation. "Now" is once this answer has gone: ended earlier, this tab's
            // own page would leave for the sign-in page while the browser still waits for the answer that deletes
            // the cookie, and the browser would drop that answer.
            if (await signInManager.UserManager.GetUserAsync(user) is { } account)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(account);
                context.Response.OnCompleted(() =>
                {
                    sessions.EndSessionsOf(account.Id);
                    return Task.CompletedTask;
                });
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(HauGiang.Portal.Security.LocalUrl.OrHome("/" + (returnUrl ?? "").TrimStart('/')));
        });

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? userName : user.DisplayName
            });
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery,
            [FromQuery] string? username) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var user = string.IsNullOrEmpty(username) ? null : await userManager.FindByNameAsync(username);
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user);
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        return accountGroup;
    }
}
