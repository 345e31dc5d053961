using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>
/// Fetches queued media_urls (two at a time), re-encodes each like an upload (EXIF/GPS gone) and attaches it to
/// its report as a citizen photo, with an internal line on the timeline; a fetch that fails leaves only that line
/// ("Ảnh không tải được: …"), so the officers know a photo was meant to be there.
/// </summary>
public sealed class MediaUrlWorker(
    MediaUrlQueue queue,
    MediaUrlFetcher fetcher,
    PhotoService photos,
    IDbContextFactory<PortalDbContext> dbFactory,
    ReportCommitter committer,
    TimeProvider clock,
    ILogger<MediaUrlWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken }, async (job, ct) =>
        {
            try
            {
                await ProcessAsync(job, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "media_url of report {ReportId} could not be processed", job.ReportId);
            }
        });

    /// <summary>Fetches, checks and attaches one photo, or notes on the timeline why not.</summary>
    public async Task ProcessAsync(MediaUrlJob job, CancellationToken ct)
    {
        var host = Uri.TryCreate(job.Url.Trim(), UriKind.Absolute, out var uri) ? uri.Host : "media_url";
        string? error = null, argument = null;
        PreparedPhoto? prepared = null;
        var fetched = await fetcher.FetchAsync(job.Url, job.AllowedHosts, ct);
        if (fetched.Bytes is { } bytes)
        {
            using var stream = new MemoryStream(bytes);
            var check = await photos.PrepareAsync(stream, ct);
            (prepared, error, argument) = (check.Photo, check.ErrorKey, check.Argument);
        }
        else
        {
            (error, argument) = (fetched.ErrorKey, fetched.Argument);
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == job.ReportId, ct);
            if (report is null)
            {
                return;
            }

            var photo = prepared;
            var reason = error is null ? null : IntakeText.Get(error, english: false, argument);
            if (photo is not null && await db.ReportPhotos.CountAsync(p => p.ReportId == report.Id && p.Kind == PhotoKind.Citizen, ct) >= photos.MaxPerReport)
            {
                (photo, reason) = (null, IntakeText.Get("Photo.TooMany", english: false, photos.MaxPerReport.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var change = ReportCommitter.Begin(report);
            ReportPhoto? stored = null;
            if (photo is not null)
            {
                stored = await photos.WriteFilesAsync(photo, PhotoKind.Citizen, ct);
                stored.ReportId = report.Id;
                db.ReportPhotos.Add(stored);
            }

            ReportHandling.AddNote(report, Actor.System, now, stored is not null
                ? IntakeText.Get("MediaUrl.Attached", english: false, host)
                : IntakeText.Get("MediaUrl.NotFetched", english: false, host + " — " + reason));
            try
            {
                await committer.CommitAsync(db, report, change, "media-url", null, Actor.System.Name, now, ct);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An officer acted at the same moment: take the report again (and its new version).
                if (stored is not null)
                {
                    await photos.DeleteFilesAsync([stored], CancellationToken.None);
                }
            }
        }

        logger.LogWarning("media_url of report {ReportId} was not attached: the report kept changing", job.ReportId);
    }
}
