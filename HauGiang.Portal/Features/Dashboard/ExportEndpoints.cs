using System.Globalization;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Queue;
using HauGiang.Portal.Localization;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// <c>GET /api/export/reports.csv</c> and <c>.xlsx</c>: the rows of a queue filter (same scope, same tab, same count),
/// streamed page by page so that 100,000 rows need constant memory. No reporter contact, ever. Each export is audited.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/export").RequireAuthorization(Policies.HandleReports);
        group.MapGet("/reports.csv", (HttpContext http, QueueService queue, IStringLocalizer<SharedResource> l, IDbContextFactory<PortalDbContext> db, CancellationToken ct) =>
            ExportAsync(http, queue, l, db, "csv", ct));
        group.MapGet("/reports.xlsx", (HttpContext http, QueueService queue, IStringLocalizer<SharedResource> l, IDbContextFactory<PortalDbContext> db, CancellationToken ct) =>
            ExportAsync(http, queue, l, db, "xlsx", ct));
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, QueueService queue, IStringLocalizer<SharedResource> l, IDbContextFactory<PortalDbContext> dbFactory, string format, CancellationToken ct)
    {
        if (PortalUser.From(http.User) is not { } user)
        {
            return Results.Unauthorized();
        }

        var filter = QueueUrl.Parse(http.Request.Query, QueueTab.New);
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        var rows = queue.StreamAsync(user, filter, english, ct);
        var name = $"phan-anh-{WorkingCalendar.ToLocal(DateTime.UtcNow):yyyyMMdd-HHmm}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        http.Response.Headers.CacheControl = "no-store";
        string[] header =
        [
            l["Queue.Col.Code"], l["Queue.Col.Category"], l["Queue.Col.Area"], l["Queue.Col.State"], l["Queue.Col.Received"],
            l["Queue.Col.Deadline"], l["Queue.Col.Assignee"], l["Queue.Col.Description"],
        ];

        int count;
        if (format == "csv")
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            count = await WriteCsvAsync(http.Response.Body, header, rows, l, ct);
        }
        else
        {
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

            // The zip container underneath writes some parts synchronously; allow it for this response only.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }

            count = await WriteXlsxAsync(http.Response.Body, header, rows, l, ct);
        }

        // An export takes data out of the system: who, what filter, how many rows.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = user.Id,
            UserName = user.DisplayName,
            Action = "report.export",
            EntityType = nameof(Report),
            After = $"format={format}; rows={count.ToString(CultureInfo.InvariantCulture)}; filter={http.Request.QueryString}",
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return Results.Empty;
    }

    internal static async Task<int> WriteCsvAsync(Stream output, string[] header, IAsyncEnumerable<QueueRow> rows, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // UTF-8 with BOM, so that Excel shows Vietnamese correctly.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', header.Select(Csv)));
        var count = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', Fields(r, l).Select(Csv)));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return count;
    }

    internal static async Task<int> WriteXlsxAsync(Stream output, string[] header, IAsyncEnumerable<QueueRow> rows, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        await sheet.StartWorksheetAsync(l["Queue.Title"].Value.Length > 31 ? "Phan anh" : l["Queue.Title"], null, ct);
        await sheet.AddRowAsync(header.Select(h => new Cell(h)).ToArray(), ct);
        var count = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            await sheet.AddRowAsync(Fields(r, l).Select(f => new Cell(f)).ToArray(), ct);
            count++;
        }

        await sheet.FinishAsync(ct);
        return count;
    }

    private static string[] Fields(QueueRow r, IStringLocalizer<SharedResource> l) =>
    [
        r.Code, r.CategoryName, r.AreaName ?? "", l["State." + r.State], VietnamTime.FormatDateTime(r.ReceivedAt),
        VietnamTime.FormatDateTime(r.DueAt), r.AssigneeName ?? "", r.Description,
    ];

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
