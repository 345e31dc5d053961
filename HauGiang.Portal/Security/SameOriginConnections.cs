namespace HauGiang.Portal.Security;

/// <summary>
/// Long-lived connections (the <c>/hubs/reports</c> hub and Blazor's own <c>/_blazor</c>) refuse browsers on other
/// sites: a WebSocket is not bound by CORS, and a foreign page could otherwise open one with the officer's cookie
/// (cross-site WebSocket hijacking). A browser always sends <c>Origin</c> on these requests; it must be this site
/// (the host and port the request was sent to) or one of <c>Live:AllowedOrigins</c>
/// (comma-separated). Clients that are not browsers (wall displays, the mobile app) send no Origin and are let through
/// to authentication as before.
/// </summary>
public static class SameOriginConnections
{
    private static readonly PathString[] Guarded = ["/hubs", "/_blazor"];

    public static IApplicationBuilder UseSameOriginConnections(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = (configuration["Live:AllowedOrigins"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (Guarded.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && request.Headers.Origin is { Count: > 0 } origin
                && !IsAllowed(origin.ToString(), request, allowed))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    // Host and port only, not the scheme: behind an HTTPS proxy that is not (yet) listed in ForwardedHeaders the
    // request looks like http, and every page of the portal would lose its circuit.
    private static bool IsAllowed(string origin, HttpRequest request, HashSet<string> allowed) =>
        (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        || allowed.Contains(origin);
}
