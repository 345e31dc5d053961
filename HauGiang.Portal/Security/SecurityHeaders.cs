using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HauGiang.Portal.Security;

/// <summary>
/// Behind the reverse proxy that docs/deploy.md describes, and the headers every answer carries.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Trusts <c>X-Forwarded-For</c>/<c>-Proto</c> only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), comma-separated; nothing by default. Then the
    /// scheme is the client's (cookies get <c>Secure</c>, HSTS applies) and rate limits see the client's address.
    /// </summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = List(configuration["ForwardedHeaders:KnownProxies"]);
        var networks = List(configuration["ForwardedHeaders:KnownNetworks"]);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>Every cookie of ours is Secure when the request came over HTTPS (directly or through a trusted proxy).</summary>
    public static IServiceCollection AddSecureCookies(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

    /// <summary>No MIME sniffing, no full address sent to other sites, no device features but the camera (reply photos).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(self), payment=(), usb=()";
            return next(context);
        });

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
