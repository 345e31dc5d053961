using HauGiang.Portal.Features.Intake.MediaUrls;
using HauGiang.Portal.Features.Intake.Open311;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HauGiang.Portal.Features.Intake;

public static class IntakeExtensions
{
    /// <summary>Citizen intake: Open311, routing, photos, API clients, the officers' form and the demo feed.</summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddPhotos();
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));
        builder.Services.Configure<DemoFeedOptions>(builder.Configuration.GetSection(DemoFeedOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<IntakeRouter>();
        builder.Services.AddSingleton<IntakeWriter>();
        builder.Services.AddSingleton<IntakeService>();
        builder.Services.AddSingleton<ApiClientService>();
        builder.Services.AddSingleton<IdempotencyService>();
        builder.Services.AddSingleton<CitizenRatingService>();
        builder.Services.AddSingleton<Open311Reads>();
        builder.Services.AddSingleton<Open311UpdateFeed>();
        builder.Services.Configure<MediaUrlOptions>(builder.Configuration.GetSection(MediaUrlOptions.Section));
        builder.Services.AddSingleton<MediaUrlFetcher>();
        builder.Services.AddSingleton<MediaUrlQueue>();
        builder.Services.AddSingleton<MediaUrlWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MediaUrlWorker>());

        // GET requests?service_request_id= with up to 2,000 codes ("HG-2026-000123," is 15 characters: about 30 KB)
        // must fit in one request line; Kestrel's default is 8 KB. Headers keep their own (default) limit.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, 64 * 1024));
        builder.Services.AddHostedService<DemoFeed>();
        builder.Services.AddHostedService<IdempotencyPurge>();

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, Open311RateLimitPolicy>(Open311RateLimitPolicy.Name);
            o.AddPolicy<string, Open311UpdateFeedRateLimitPolicy>(Open311UpdateFeedRateLimitPolicy.Name);
        });

        builder.Services.AddOpenApi(Open311Endpoints.GroupName, o =>
        {
            o.ShouldInclude = d => d.GroupName == Open311Endpoints.GroupName;
            Open311Contract.Configure(o);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "HauGiang.Portal — Open311 GeoReport v2",
                    Version = "v2",
                    Description = "Citizen field reports for the former Hậu Giang province (Cần Thơ city). Every path ends in .json or .xml. "
                        + "POST needs an api_key (form field, query or X-Api-Key header). See docs/open311.md.",
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The Open311 API (errors in its own format → key lookup → rate limiter → endpoints), its OpenAPI document and the photo endpoints.</summary>
    public static WebApplication MapIntake(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/open311"), branch => branch
            .UseMiddleware<Open311ErrorMiddleware>()
            .UseMiddleware<ApiKeyMiddleware>());
        app.UseRateLimiter();
        app.MapOpen311();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapOpen311Docs();
        app.MapPhotos();
        return app;
    }
}
