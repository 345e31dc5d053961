using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Security;

/// <summary>
/// The Content-Security-Policy of every answer: scripts only from this site, plus the one inline script Blazor
/// needs (the import map, allowed by the hash of its exact text); no plugins, no foreign <c>&lt;base&gt;</c>, no
/// framing by other sites. Styles may be inline (MudBlazor writes style attributes and its theme's
/// <c>&lt;style&gt;</c>); images may come from the map's tile server (<see cref="MapOptions.TileUrl"/>). Blazor Server needs no
/// <c>'unsafe-eval'</c>. Blazor's own <c>frame-ancestors</c> header is turned off in Program.cs: this one carries it.
/// </summary>
public static class ContentSecurityPolicy
{
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app)
    {
        var tiles = TileOrigin(app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value.TileUrl);
        var endpoints = app.ApplicationServices.GetRequiredService<EndpointDataSource>();
        var policy = new Lazy<string>(() => Policy(ImportMapHash(endpoints), tiles));
        return app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy.Value;
            return next(context);
        });
    }

    public static string Policy(string? importMapHash, string? tileOrigin) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'" + (importMapHash is null ? "" : $" '{importMapHash}'"),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:" + (tileOrigin is null ? "" : " " + tileOrigin),
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'", // the service worker, /sw.js (Features/Push)
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'");

    /// <summary>
    /// The hash of the import map as <c>&lt;ImportMap /&gt;</c> renders it: the JSON of the app's static-asset
    /// collection (the same for every page), which Blazor writes verbatim into the script element.
    /// </summary>
    public static string? ImportMapHash(EndpointDataSource endpoints)
    {
        var assets = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<ResourceAssetCollection>()).FirstOrDefault(a => a is not null);
        return assets is null ? null : Hash(ImportMapDefinition.FromResourceCollection(assets).ToString());
    }

    public static string Hash(string inlineScript) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineScript)));

    /// <summary>The scheme and host of a Leaflet tile template ("{s}" subdomains become a wildcard); null if on this site.</summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl) || !tileUrl.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var start = tileUrl.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = tileUrl.IndexOf('/', start);
        var origin = (end < 0 ? tileUrl : tileUrl[..end]).Replace("{s}", "*", StringComparison.Ordinal);
        return origin.Contains('{', StringComparison.Ordinal) ? null : origin;
    }
}
