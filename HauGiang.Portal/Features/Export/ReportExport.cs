using CsvHelper;
using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Localization;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace HauGiang.Portal.Features.Export;

/// <summary>
/// Writes the rows of a queue filter (same scope, same tab, same count as the queue) as CSV or .xlsx, page by page so
/// that 100,000 rows need constant memory, and audits it. No reporter contact, ever. Used by the direct download
/// (<see cref="ExportEndpoints"/>) and by the export with progress (<see cref="ExportButtons"/>).
/// </summary>
public sealed class ReportExport(ReportQueryService queue, IStringLocalizer<SharedResource> l, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, Telemetry.PortalMetrics metrics)
{
    /// <summary>How often, in rows, the progress callback is told.</summary>
    public const int ProgressStep = 500;

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName(ExportFormat format) => $"phan-anh-{WorkingCalendar.ToLocal(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.{Extension(format)}";

    /// <summary>Writes the export to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="progress">Told the rows written so far, every <see cref="ProgressStep"/> rows.</param>
    public async Task<int> WriteAsync(Stream output, ExportFormat format, PortalUser user, ReportFilter filter, bool english, Action<int>? progress, CancellationToken ct)
    {
        var rows = StreamAsync(user, filter, english, ct);
        string[] header =
        [
            l["Queue.Col.Code"], l["Queue.Col.Category"], l["Queue.Col.Area"], l["Queue.Col.State"], l["Queue.Col.Received"],
            l["Queue.Col.Deadline"], l["Queue.Col.Assignee"], l["Queue.Col.Description"],
        ];
        // An export takes data out of the system: who, what filter, how many rows — also when it stops half-way (the
        // client went away, or it was cancelled), as what was sent is out.
        var written = 0;
        var completed = false;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            void Count(int n)
            {
                written = n;
                progress?.Invoke(n);
            }

            written = format == ExportFormat.Csv
                ? await WriteCsvAsync(output, header, rows, Count, ct)
                : await WriteXlsxAsync(output, header, rows, Count, ct);
            completed = true;
            return written;
        }
        finally
        {
            metrics.ExportWritten(Extension(format), completed, written, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime,
                UserId = user.Id,
                UserName = user.DisplayName,
                Action = "report.export",
                EntityType = nameof(Report),
                After = $"format={Extension(format)}; rows={written.ToString(CultureInfo.InvariantCulture)}{(completed ? "" : "+, stopped")}; filter={ReportFilterUrl.For("", filter, QueueTab.New)}",
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        // Citizens' text may start with "=", "+", "-", "@", tab or CR: Excel would run it as a formula (OWASP's CSV
        // injection). Such cells get a leading apostrophe, which spreadsheets read as "this is text".
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true, // so that Excel shows Vietnamese correctly
        NewLine = "\r\n",
    };

    /// <summary>Every row of the filter and tab, in queue order, page by page (keyset): for exports of any size.</summary>
    private async IAsyncEnumerable<QueueRow> StreamAsync(PortalUser user, ReportFilter filter, bool english, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        QueueCursor? cursor = null;
        do
        {
            var page = await queue.GetPageAsync(user, filter, cursor, english, pageSize: 1000, fullText: true, ct: ct);
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    private async Task<int> WriteCsvAsync(Stream output, string[] header, IAsyncEnumerable<QueueRow> rows, Action<int>? progress, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, true);
        await csv.WriteRecordAsync(header, ct);
        var count = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(Fields(r), ct);
            if (++count % ProgressStep == 0)
            {
                await csv.FlushAsync(ct);
                progress?.Invoke(count);
            }
        }

        await csv.FlushAsync(ct);
        progress?.Invoke(count);
        return count;
    }

    private async Task<int> WriteXlsxAsync(Stream output, string[] header, IAsyncEnumerable<QueueRow> rows, Action<int>? progress, CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        await sheet.StartWorksheetAsync(l["Queue.Title"].Value.Length > 31 ? "Phan anh" : l["Queue.Title"], null, ct);
        await sheet.AddRowAsync(header.Select(h => new Cell(h)).ToArray(), ct);
        var count = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            await sheet.AddRowAsync(Fields(r).Select(f => new Cell(f)).ToArray(), ct);
            if (++count % ProgressStep == 0)
            {
                progress?.Invoke(count);
            }
        }

        await sheet.FinishAsync(ct);
        progress?.Invoke(count);
        return count;
    }

    private string[] Fields(QueueRow r) =>
    [
        r.Code, r.CategoryName, r.AreaName ?? "", l["State." + r.State], VietnamTime.FormatDateTime(r.ReceivedAt),
        VietnamTime.FormatDateTime(r.DueAt), r.AssigneeName ?? "", r.Description,
    ];
}
