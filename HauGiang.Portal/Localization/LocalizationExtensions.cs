using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace HauGiang.Portal.Localization;

public static class LocalizationExtensions
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static IHostApplicationBuilder AddPortalLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddTransient<MudBlazor.MudLocalizer, PortalMudLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo(Vietnamese), new CultureInfo(English) };
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Vietnamese unless the user chose English (cookie): the browser's language does not decide.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary><c>GET /culture/{culture}?returnUrl=</c>: stores the choice in a cookie for a year and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == English ? English : Vietnamese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(Security.LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
