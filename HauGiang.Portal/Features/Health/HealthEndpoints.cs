using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Features.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it if not); no check runs, so a database outage never gets a
/// healthy process killed. <c>/health/ready</c>: every check — the database answers and accepts a write, its migrations are applied,
/// the photo folder takes a file, Redis answers when configured (degraded, not down, without it) — 503 when one fails (take the instance out of the load balancer). <c>/health</c> is the readiness
/// answer under its old address, for monitors set up before the split.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Every check with its status, so an operator sees which part is down (database, its writes, migrations, photo
    /// store, Redis), and <c>failing</c>: the names of those not healthy, for a monitor's alert text.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
