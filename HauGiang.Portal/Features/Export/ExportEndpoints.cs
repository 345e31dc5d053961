using System.Globalization;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Export;

/// <summary>
/// <c>GET /api/export/reports.csv</c> and <c>.xlsx</c>: the rows of a queue filter, streamed as they are read (links,
/// scripts); <c>GET /api/export/files/{token}</c>: a file the export with progress wrote (<see cref="ExportFiles"/>),
/// for the user who made it only, served from the database by any instance.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/export").RequireAuthorization(Policies.HandleReports);
        group.MapGet("/reports.csv", (HttpContext http, ReportExport export, CancellationToken ct) => ExportAsync(http, export, ExportFormat.Csv, ct));
        group.MapGet("/reports.xlsx", (HttpContext http, ReportExport export, CancellationToken ct) => ExportAsync(http, export, ExportFormat.Xlsx, ct));
        group.MapGet("/files/{token}", async (string token, HttpContext http, ExportFiles files, CancellationToken ct) =>
        {
            // Someone else's token, or an old one: the same answer as an unknown one.
            if (PortalUser.From(http.User) is not { } user || await files.FindAsync(token, user.Id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentLength = file.Length;
            return Results.Stream(output => files.CopyToAsync(file, output, ct), file.ContentType, file.FileName);
        });
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ReportExport export, ExportFormat format, CancellationToken ct)
    {
        if (PortalUser.From(http.User) is not { } user)
        {
            return Results.Unauthorized();
        }

        var filter = ReportFilterUrl.Parse(http.Request.Query, QueueTab.New);
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName(format)}\"";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = ReportExport.ContentType(format);

        // The zip container underneath .xlsx writes some parts synchronously; allow it for this response only.
        if (format == ExportFormat.Xlsx && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        await export.WriteAsync(http.Response.Body, format, user, filter, english, progress: null, ct);
        return Results.Empty;
    }
}
