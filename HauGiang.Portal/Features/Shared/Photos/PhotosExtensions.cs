using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Shared.Photos;

public static class PhotosExtensions
{
    /// <summary>The photo pipeline: checks, re-encoding, the file store and the authorized photo endpoints.</summary>
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PhotoOptions>(builder.Configuration.GetSection(PhotoOptions.Section));
        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        builder.Services.AddSingleton<PhotoProcessor>();
        builder.Services.AddSingleton<PhotoService>();
        builder.Services.AddHealthChecks().AddCheck<PhotoStoreProbe>(PhotoStoreProbe.Name);
        return builder;
    }

    /// <summary>
    /// <c>GET /photos/{id}</c> and <c>/photos/{id}/thumb</c>: only for signed-in staff whose scope includes the
    /// report; anything else is a 404, so ids cannot be probed.
    /// </summary>
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/photos").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        group.MapGet("/{id:long}", (long id, HttpContext http, PhotoService photos, CancellationToken ct) => ServeAsync(id, false, http, photos, ct));
        group.MapGet("/{id:long}/thumb", (long id, HttpContext http, PhotoService photos, CancellationToken ct) => ServeAsync(id, true, http, photos, ct));
        return app;
    }

    private static async Task<IResult> ServeAsync(long id, bool thumbnail, HttpContext http, PhotoService photos, CancellationToken ct)
    {
        if (PortalUser.From(http.User) is not { } user || await photos.OpenAsync(user, id, thumbnail, ct) is not { } stream)
        {
            return Results.NotFound();
        }

        // Private: a shared cache must never keep a photo that only some users may see.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, "image/jpeg");
    }
}
