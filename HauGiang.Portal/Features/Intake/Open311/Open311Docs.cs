using Scalar.AspNetCore;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The interactive reference of the Open311 API (Scalar) at <c>/open311/docs</c>, over <c>/openapi/open311.json</c>:
/// public, like the document itself. Scalar's script is served by the package from this site (no CDN: the
/// portal may run without internet) and it starts itself with one inline module script, which the portal's strict
/// policy would block; so Scalar puts a fresh nonce on its script tags, and this page alone adds that nonce to the
/// Content-Security-Policy header it already carries. No other page's policy changes. Scalar's web fonts (a CDN),
/// telemetry and its developer toolbar (share, "Generate SDK", deploy on scalar.com) are off; the page uses the system fonts.
/// </summary>
public static class Open311Docs
{
    public const string Path = "/open311/docs";

    public static IEndpointRouteBuilder MapOpen311Docs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, http) =>
        {
            options.WithTitle("HauGiang.Portal — Open311 GeoReport v2")
                .AddDocument(Open311Endpoints.GroupName, routePattern: "/openapi/{documentName}.json")
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools(); // its toolbar offers to share or deploy the document on scalar.com: not for a public body's API
            http.Response.OnStarting(() =>
            {
                if (http.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                {
                    var policy = http.Response.Headers.ContentSecurityPolicy.ToString();
                    http.Response.Headers.ContentSecurityPolicy = policy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
                }

                return Task.CompletedTask;
            });
        }).AllowAnonymous();
        return app;
    }
}
