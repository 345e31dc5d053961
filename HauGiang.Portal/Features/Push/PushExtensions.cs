using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace HauGiang.Portal.Features.Push;

public static class PushExtensions
{
    /// <summary>
    /// Web Push to officers' phones and closed tabs: the devices they subscribe (account page), the VAPID keys, the
    /// feed subscriber that decides who hears of a change, the sender, and the due-soon reminders.
    /// </summary>
    public static IHostApplicationBuilder AddPush(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PushOptions>(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddSingleton<VapidKeyStore>();
        builder.Services.AddSingleton<PushDevices>();
        builder.Services.AddSingleton<PushOutbox>();
        builder.Services.AddSingleton<PushFeedListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PushFeedListener>());
        builder.Services.AddHostedService<PushSender>();
        builder.Services.AddSingleton<DueSoonPushJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueSoonPushJob>());
        return builder;
    }

    /// <summary>
    /// <c>POST /api/push/devices</c> (a browser's subscription as JSON) and <c>POST /api/push/devices/remove</c>
    /// (<c>{ "endpoint": … }</c>): the signed-in user's own devices only, with the antiforgery token of the account page.
    /// </summary>
    public static IEndpointRouteBuilder MapPush(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/push").RequireAuthorization(Policies.Staff);
        group.MapPost("/devices", async (HttpContext http, IAntiforgery antiforgery, PushDevices devices, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http) || PortalUser.From(http.User) is not { } user
                || await ReadAsync<PushDeviceInput>(http, ct) is not { } input)
            {
                return Results.BadRequest();
            }

            return await devices.SubscribeAsync(user.Id, input, http.Request.Headers.UserAgent, ct) switch
            {
                PushDeviceResult.Saved => Results.NoContent(),
                PushDeviceResult.EndpointNotAllowed => Results.Problem("This push service is not allowed (Push:AllowedEndpoints).", statusCode: StatusCodes.Status422UnprocessableEntity),
                _ => Results.BadRequest(),
            };
        });

        group.MapPost("/devices/remove", async (HttpContext http, IAntiforgery antiforgery, PushDevices devices, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http) || PortalUser.From(http.User) is not { } user
                || await ReadAsync<PushDeviceInput>(http, ct) is not { } input)
            {
                return Results.BadRequest();
            }

            await devices.RemoveEndpointAsync(user.Id, input.Endpoint, ct);
            return Results.NoContent();
        });

        return app;
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http, CancellationToken ct)
        where T : class
    {
        if (!http.Request.HasJsonContentType() || http.Request.ContentLength is > 8 * 1024)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
