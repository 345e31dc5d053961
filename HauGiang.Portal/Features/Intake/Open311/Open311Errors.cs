using System.Globalization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Outermost on /open311: whatever goes wrong below it — an unknown path, a wrong method, a body that is too large
/// or cut short, an exception in an endpoint — reaches the client in the specification's error format
/// (<c>[{"code":…,"description":…}]</c>, JSON or XML by the path's extension), never as the portal's HTML pages or a
/// stack trace. A client parses one format for every answer.
/// </summary>
public sealed class Open311ErrorMiddleware(RequestDelegate next, ILogger<Open311ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        int status;
        string key;
        try
        {
            await next(http);
            if (http.Response.HasStarted || http.Response.StatusCode < 400 || !string.IsNullOrEmpty(http.Response.ContentType))
            {
                return;
            }

            // No endpoint answered with a body: routing found nothing (404), or not for this method (405).
            status = http.Response.StatusCode;
            key = status switch
            {
                StatusCodes.Status404NotFound => "Open311.PathUnknown",
                StatusCodes.Status405MethodNotAllowed => "Open311.MethodNotAllowed",
                StatusCodes.Status413PayloadTooLarge => "Open311.BodyTooLarge",
                _ => "Open311.RequestFailed",
            };
        }
        catch (Exception e) when (!http.Response.HasStarted && UnreadableBody(e) is { } bodyStatus)
        {
            // Also when the client has stopped sending (RequestAborted): it may still be reading, and must not read "missing api_key".
            status = bodyStatus;
            key = bodyStatus == StatusCodes.Status413PayloadTooLarge ? "Open311.BodyTooLarge" : "Open311.BodyUnreadable";
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            key = "Open311.ServerError";
        }

        await Write(http, status, key).ExecuteAsync(http);
    }

    /// <summary>The status for a body that could not be read (too large: 413; cut short or malformed: 400), else null.</summary>
    public static int? UnreadableBody(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
        InvalidDataException or IOException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>An Open311 error in the format of the path's extension (JSON unless it ends in .xml).</summary>
    public static Open311Result Write(HttpContext http, int status, string key)
    {
        var english = IntakeText.WantsEnglish(http);
        var argument = key switch
        {
            "Open311.BodyTooLarge" => Math.Max(1, BodyLimit(http) / (1024 * 1024)).ToString(CultureInfo.InvariantCulture),
            "Open311.RequestFailed" => status.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        // Headers of the failed answer (its type, a paging cursor) do not describe the error.
        http.Response.Headers.ContentType = default;
        http.Response.Headers.ContentLength = default;
        return Open311Result.Error(status, IntakeText.Get(key, english, argument), FormatOf(http));
    }

    /// <summary>The body limit in effect for this request (the key lookup sets it by content type).</summary>
    private static long BodyLimit(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? ApiKeyMiddleware.MaxPostBytes;

    public static Open311Format FormatOf(HttpContext http) =>
        Open311Endpoints.ParseFormat(http.GetRouteValue("format") as string)
        ?? (http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Xml : Open311Format.Json);
}
