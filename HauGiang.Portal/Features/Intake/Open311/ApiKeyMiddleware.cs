using Microsoft.AspNetCore.Http.Features;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Runs before the rate limiter on /open311: finds the API client from the key (header X-Api-Key, query or form
/// field api_key) so that the limiter can partition by client. It decides nothing itself: an endpoint that needs
/// a key carries <see cref="ApiKeyRequiredFilter"/> (403); the others take one if given.
/// <para>
/// The body is bounded before anything reads it: a declared length over the limit is a 413 at once, and a body
/// whose key is not in the header or query is read only as far as the key — a url-encoded form is small by nature
/// (<see cref="MaxFormBytes"/>), and in a multipart body the key must come before the photo files
/// (<see cref="KeyScanBytes"/>). So an anonymous caller costs at most that much reading, not a 52 MB upload, before
/// the rate limiter and the key check see it; a body cut short is a 400 (Open311ErrorMiddleware), never "missing api_key".
/// </para>
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    public const string ClientItem = "open311.client";
    public const string KeyGivenItem = "open311.key-given";

    /// <summary>Five photos of 10 MB and the fields: the POST body may exceed Kestrel's 30 MB default.</summary>
    public const long MaxPostBytes = 52 * 1024 * 1024;

    /// <summary>Any body but multipart (a url-encoded form: fields only, a description of 4,000 characters at most).</summary>
    public const long MaxFormBytes = 1024 * 1024;

    /// <summary>How far into a multipart body the key is looked for: the fields before the first file.</summary>
    public const int KeyScanBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http, ApiClientService clients)
    {
        string? key = http.Request.Headers["X-Api-Key"].FirstOrDefault() ?? http.Request.Query["api_key"].FirstOrDefault();
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var multipart = http.Request.HasFormContentType && http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
            var limit = multipart ? MaxPostBytes : MaxFormBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Request.ContentLength > limit)
            {
                await Open311ErrorMiddleware.Write(http, StatusCodes.Status413PayloadTooLarge, "Open311.BodyTooLarge").ExecuteAsync(http);
                return;
            }

            // A body that cannot be read throws here: Open311ErrorMiddleware answers 400 or 413.
            if (key is null && http.Request.HasFormContentType)
            {
                key = multipart
                    ? await MultipartKey.FindBeforeFilesAsync(http.Request, KeyScanBytes, http.RequestAborted)
                    : (await http.Request.ReadFormAsync(http.RequestAborted))["api_key"].FirstOrDefault();
            }
        }

        http.Items[KeyGivenItem] = !string.IsNullOrWhiteSpace(key);
        if (await clients.AuthenticateAsync(key, http.RequestAborted) is { } client)
        {
            http.Items[ClientItem] = client;
        }

        await next(http);
    }

    public static ApiClientIdentity? ClientOf(HttpContext http) => http.Items.TryGetValue(ClientItem, out var c) ? c as ApiClientIdentity : null;
}
