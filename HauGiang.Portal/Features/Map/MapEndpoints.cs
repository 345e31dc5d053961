using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Map;

public static class MapEndpoints
{
    /// <summary>The map page's path: <see cref="Preload"/> recognises it.</summary>
    public const string PagePath = "/map";

    /// <summary>
    /// What the map shows without a "tab" in its URL: the open reports, the ones officers act on (as FixMyStreet's map
    /// does). "Tất cả" stays one choice away; after a year a province holds hundreds of thousands of finished reports,
    /// and drawing all of them by default took 13 s at 1,000,000 reports.
    /// </summary>
    public const QueueTab DefaultTab = QueueTab.Open;

    /// <summary>The GeoJSON URL for a <c>/map</c> query string (the queue's filters), exactly as the map fetches it.</summary>
    public static string DataUrl(IQueryCollection mapQuery) => ReportFilterUrl.For("/api/map/reports", ReportFilterUrl.Parse(mapQuery, DefaultTab), DefaultTab);

    /// <summary>
    /// On a full load of <c>/map</c> by a signed-in user, the GeoJSON URL to preload from the static head (App.razor), so
    /// that the points download while Blazor starts; the map module's fetch of the same URL then takes that response.
    /// Null elsewhere. (Not in HeadContent: the interactive HeadOutlet replaces its links when the circuit starts, which
    /// cancels the download.)
    /// </summary>
    public static string? Preload(HttpContext http) =>
        http.Request.Path.Equals(PagePath, StringComparison.OrdinalIgnoreCase) && http.User.Identity?.IsAuthenticated == true
            ? DataUrl(http.Request.Query)
            : null;

    /// <summary>
    /// <c>GET /api/map/reports</c> (the queue's URL filters, plus <c>id</c> for one report) and <c>GET /api/map/areas</c>:
    /// signed-in staff only, and only the reports in the caller's scope.
    /// </summary>
    public static IEndpointRouteBuilder MapMapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/map").RequireAuthorization(Policies.HandleReports);

        group.MapGet("/reports", async (HttpContext http, MapGeoJson geoJson, MapDataCache cache, MapPoints points, long? id, CancellationToken ct) =>
        {
            if (PortalUser.From(http.User) is not { } user)
            {
                return Results.Unauthorized();
            }

            var filter = ReportFilterUrl.Parse(http.Request.Query, defaultTab: DefaultTab);
            http.Response.ContentType = "application/geo+json";
            http.Response.Headers.CacheControl = "no-store";
            if (id is null)
            {
                await cache.WriteAsync(user, filter, http.Response.Body, body => geoJson.WriteAsync(user, filter, null, body, ct), ct);
            }
            else
            {
                // One report (for scripts and outside clients; open maps get their changes through the circuit).
                await http.Response.Body.WriteAsync(await points.GetAsync(user, filter, id.Value), ct);
            }

            return Results.Empty;
        });

        group.MapGet("/areas", async (PortalDbContext db, CancellationToken ct) =>
            Results.Ok(await db.Areas.AsNoTracking().OrderBy(a => a.Name)
                .Select(a => new { id = a.Id, name = a.Name, lat = a.CenterLatitude, lon = a.CenterLongitude, boundary = a.BoundaryGeoJson })
                .ToListAsync(ct)));

        return app;
    }
}
