using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>
/// Photos of reports: citizens' at intake, officers' result photos with a reply. Checks and re-encodes every upload
/// (<see cref="PhotoProcessor"/>), writes the bytes through <see cref="IFileStore"/> and the row in the database,
/// and serves them only to users whose scope includes the report.
/// </summary>
public sealed class PhotoService(IDbContextFactory<PortalDbContext> dbFactory, IFileStore store, PhotoProcessor processor, TimeProvider clock, ILogger<PhotoService> logger)
{
    public int MaxPerReport => processor.Options.MaxPerReport;

    public long MaxBytes => processor.Options.MaxBytes;

    /// <summary>Checks and re-encodes an upload without storing anything.</summary>
    public Task<PhotoCheck> PrepareAsync(Stream content, CancellationToken ct) => processor.PrepareAsync(content, ct);

    /// <summary>Writes a prepared photo's files and returns the row to insert (its ReportId still to set).</summary>
    public async Task<ReportPhoto> WriteFilesAsync(PreparedPhoto prepared, PhotoKind kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stem = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var photo = new ReportPhoto
        {
            Kind = kind,
            StorageKey = stem + ".jpg",
            ThumbnailKey = stem + "_thumb.jpg",
            ContentType = "image/jpeg",
            Width = prepared.Width,
            Height = prepared.Height,
            UploadedAt = now,
        };
        await store.SaveAsync(photo.StorageKey, prepared.Jpeg, ct);
        await store.SaveAsync(photo.ThumbnailKey, prepared.Thumbnail, ct);
        return photo;
    }

    /// <summary>Removes the files of photos whose rows were never committed.</summary>
    public async Task DeleteFilesAsync(IEnumerable<ReportPhoto> photos, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await DeleteQuietlyAsync(photos);
    }

    private async Task DeleteQuietlyAsync(IEnumerable<ReportPhoto> photos)
    {
        foreach (var p in photos)
        {
            try
            {
                await store.DeleteAsync(p.StorageKey, CancellationToken.None);
                if (p.ThumbnailKey is { } thumb)
                {
                    await store.DeleteAsync(thumb, CancellationToken.None);
                }
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete orphan photo file {Key}", p.StorageKey);
            }
        }
    }

    /// <summary>The photos of a report, if the report is in the user's scope (else none).</summary>
    public async Task<IReadOnlyList<PhotoItem>> ListAsync(PortalUser user, long reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ReportScope.Apply(db.Reports.AsNoTracking(), user).AnyAsync(r => r.Id == reportId, ct))
        {
            return [];
        }

        return await db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == reportId).OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new PhotoItem(p.Id, p.Kind, p.Width, p.Height, p.UploadedAt)).ToListAsync(ct);
    }

    /// <summary>The bytes of a photo (or its thumbnail) when its report is in the user's scope; null otherwise.</summary>
    public async Task<Stream?> OpenAsync(PortalUser user, long photoId, bool thumbnail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var photo = await db.ReportPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && ReportScope.Apply(db.Reports, user).Any(r => r.Id == p.ReportId))
            .Select(p => new { p.StorageKey, p.ThumbnailKey })
            .FirstOrDefaultAsync(ct);
        if (photo is null)
        {
            return null;
        }

        return await store.OpenReadAsync(thumbnail ? photo.ThumbnailKey ?? photo.StorageKey : photo.StorageKey, ct);
    }
}
