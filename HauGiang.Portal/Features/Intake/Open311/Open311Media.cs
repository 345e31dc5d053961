using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The photos the citizen apps may show: <c>GET /open311/v2/media/{id}.jpg</c>, no key needed, serves a photo only
/// if it is a <b>result</b> photo (published by the unit with its reply) of a report whose result is public.
/// Citizens' own photos (which can show them, their house, their number plate), photos of a report marked
/// "Không công khai", and sandbox reports' photos are a 404 in Open311's format — the same answer as an id that does
/// not exist, so ids cannot be probed for what is behind them. The stored file is the re-encoded one (no EXIF/GPS).
/// </summary>
public static class Open311Media
{
    public const string Path = "/open311/v2/media/";

    public static string FileName(long photoId) => photoId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".jpg";

    /// <summary>The absolute URL prefix of the public photos for this request's host.</summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}";

    internal static async Task<IResult> GetAsync(long id, HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, IFileStore store, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ReportPhotos.AsNoTracking()
            .Where(p => p.Id == id && p.Kind == PhotoKind.Result
                && db.Reports.Any(r => r.Id == p.ReportId && r.IsPublic && !r.IsTest))
            .Select(p => p.StorageKey)
            .FirstOrDefaultAsync(ct);
        if (key is null || await store.OpenReadAsync(key, ct) is not { } stream)
        {
            return Open311Result.Error(StatusCodes.Status404NotFound, IntakeText.Get("Open311.MediaNotFound", IntakeText.WantsEnglish(http)), Open311Format.Json);
        }

        // Public, but a unit may still mark the result private: caches keep it five minutes at most.
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, "image/jpeg");
    }
}
