using System.Globalization;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2, in JSON and XML (the extension of the path). Errors use the
/// specification's format: a list of {code, description}, with the HTTP status equal to the code. The handlers are
/// thin: the format and jurisdiction (<see cref="Open311RequestFilter"/>), the key (<see cref="ApiKeyRequiredFilter"/>)
/// and Idempotency-Key (<see cref="IdempotencyFilter"/>) are filters, the bodies bound types, the query parameters
/// <see cref="Open311Query"/>'s, and every check of a new report the intake's.
/// </summary>
public static class Open311Endpoints
{
    public const string GroupName = "open311";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Changeset = "2026-11-30T00:00:00+07:00";
    private static readonly string[] Formats = ["text/xml", "application/json"];
    private const string JsonType = "application/json", XmlType = "text/xml";

    public static Open311Format? ParseFormat(string? format) => format switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => null,
    };

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/open311/v2").WithGroupName(GroupName).WithTags("Open311 GeoReport v2")
            .RequireRateLimiting(Open311RateLimitPolicy.Name).AllowAnonymous().DisableAntiforgery();
        v2.MapGet("/discovery.{format}", Discovery)
            .WithSummary("Discovery: where the endpoint is and which formats it speaks.")
            .Produces<DiscoveryDto>(200, JsonType, XmlType);
        v2.MapGet("/media/{id:long}.jpg", Open311Media.GetAsync)
            .WithSummary("A public result photo (extension): the media_url of a reply in the update feed. Only photos the unit published with a public reply; any other id is 404.")
            .Produces(200, contentType: "image/jpeg")
            .Produces<ErrorDto[]>(404, "application/json");

        var api = v2.MapGroup("").AddEndpointFilter<Open311RequestFilter>();
        api.MapGet("/services.{format}", Services)
            .WithSummary("Services: one per active category (service_code, service_name, group…).")
            .Produces<ServiceDto[]>(200, JsonType, XmlType);
        api.MapGet("/services/{service_code}.{format}", ServiceDefinition)
            .WithSummary("Service definition: the extra questions (attributes) of a category.")
            .Produces<ServiceDefinitionDto>(200, JsonType, XmlType).Produces<ErrorDto[]>(404, JsonType, XmlType);
        api.MapPost("/requests.{format}", PostRequest)
            .AddEndpointFilter<ApiKeyRequiredFilter>().AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Create a service request (api_key required). Form-encoded as in the specification; multipart/form-data with up to 5 photo files (field media) as an extension. Header Idempotency-Key makes retries safe.")
            .AddOpenApiOperationTransformer(FormBody<ServiceRequestForm>("application/x-www-form-urlencoded", "multipart/form-data"))
            .Produces<CreatedRequestDto[]>(201, JsonType, XmlType).Produces<ErrorDto[]>(400, JsonType, XmlType).Produces<ErrorDto[]>(403, JsonType, XmlType)
            .Produces<ErrorDto[]>(409, JsonType, XmlType).Produces<ErrorDto[]>(422, JsonType, XmlType).Produces<ErrorDto[]>(429, JsonType, XmlType);
        api.MapGet("/requests.{format}", GetRequests)
            .WithSummary("Service requests: by service_request_id (comma-separated, up to 2,000, all in one answer), or by service_code, start_date, end_date (at most 90 days; default the last 90) and status. Extensions: updated_after/updated_before (the last update; sorts by it, newest first, and drops the default date window), page (with page_size; Link header) or cursor (from the X-Next-Cursor header), page_size (≤ 1000), X-Total-Count; lat/long/radius (metres) or bbox (west,south,east,north).")
            .Produces<ServiceRequestDto[]>(200, JsonType, XmlType).Produces<ErrorDto[]>(400, JsonType, XmlType);

        // Its own limit (endpoint metadata replaces the group's policy here, so a feed call counts only there).
        api.MapGet("/servicerequestupdates.{format}", GetUpdates)
            .RequireRateLimiting(Open311UpdateFeedRateLimitPolicy.Name)
            .WithSummary("Updates (FixMyStreet/open311-adapter extension): one request_update per public change of a request (reply, progress update, state change, reopening) with update_id, service_request_id, status, external_status_code (new, in_progress, resolved, closed, rejected, duplicate), updated_datetime and the public description. start_date and end_date bound the time of the change (at most 90 days; default the last 24 hours); oldest first; page_size (≤ 1000) and cursor (from X-Next-Cursor) as for requests.")
            .Produces<ServiceRequestUpdateDto[]>(200, JsonType, XmlType).Produces<ErrorDto[]>(400, JsonType, XmlType).Produces<ErrorDto[]>(429, JsonType, XmlType);
        api.MapGet("/requests/{service_request_id}.{format}", GetRequest)
            .WithSummary("One service request.")
            .Produces<ServiceRequestDto[]>(200, JsonType, XmlType).Produces<ErrorDto[]>(404, JsonType, XmlType);
        api.MapGet("/tokens/{token}.{format}", GetToken)
            .WithSummary("The service_request_id for a token. Requests are created synchronously, so the token is the service_request_id itself.")
            .Produces<TokenDto[]>(200, JsonType, XmlType).Produces<ErrorDto[]>(404, JsonType, XmlType);
        api.MapPost("/requests/{service_request_id}/rating.{format}", PostRating)
            .AddEndpointFilter<ApiKeyRequiredFilter>()
            .WithSummary("Extension: the citizen's rating of a resolved request (satisfied, acceptable, not_satisfied). Not satisfied reopens it.")
            .AddOpenApiOperationTransformer(FormBody<RatingForm>("application/x-www-form-urlencoded"))
            .Produces<ServiceRequestDto[]>(200, JsonType, XmlType).Produces<ErrorDto[]>(409, JsonType, XmlType);
        return app;
    }

    /// <summary>
    /// Documents a form body in OpenAPI without constraining routing by content type (Accepts metadata would make a
    /// JSON post miss the endpoint instead of getting the specification's 400).
    /// </summary>
    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> FormBody<T>(params string[] contentTypes) =>
        async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = contentTypes.ToDictionary(c => c, _ => new OpenApiMediaType { Schema = schema }),
            };
        };

    private static IResult Discovery(string format, HttpContext http, IOptions<IntakeOptions> options)
    {
        if (ParseFormat(format) is not { } f)
        {
            return Open311Result.Fail(http, 404, "Open311.FormatUnknown", format: Open311Format.Json);
        }

        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/open311/v2";
        var english = IntakeText.WantsEnglish(http);

        // The sandbox is the same address with a test client's key (docs/open311.md, "Sandbox").
        return Open311Result.One(new DiscoveryDto(Changeset, options.Value.Contact, IntakeText.Get("Open311.KeyService", english),
            [new(Specification, baseUrl, Changeset, "production", Formats), new(Specification, baseUrl, Changeset, "test", Formats)]), f, "discovery");
    }

    private static async Task<IResult> Services(string format, HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        return Open311Result.List(categories.Select(c => ServiceDto.From(c, IntakeText.WantsEnglish(http))), Format(format), "services", "service");
    }

    private static async Task<IResult> ServiceDefinition(string service_code, string format, HttpContext http, IntakeService intake, CancellationToken ct) =>
        await intake.FindCategoryAsync(service_code, ct) is null
            ? Open311Result.Fail(http, 404, "Intake.UnknownCategory", service_code)
            : Open311Result.One(ServiceDefinitionDto.For(service_code, IntakeText.WantsEnglish(http)), Format(format), "service_definition");

    /// <summary>One call into the intake: a replay's notice, or the new report (every check is the intake's).</summary>
    private static async Task<IResult> PostRequest(string format, ServiceRequestForm form, HttpContext http, IntakeService intake, CancellationToken ct)
    {
        var english = IntakeText.WantsEnglish(http);
        if (!form.IsForm)
        {
            return Open311Result.Fail(http, 400, "Open311.FormRequired");
        }

        var claim = IdempotencyFilter.Claim(http);
        if (claim is { State: IdempotencyState.Replay })
        {
            return Open311Result.Created(http, claim.ReportCode!, await intake.NoticeAsync(claim.ReportCode!, english, ct), form.MediaUrl, intake.FetchesMediaUrls);
        }

        var result = await intake.SubmitAsync(form.ToIntake(ApiKeyMiddleware.ClientOf(http)!, claim?.RecordId), ct);
        return result switch
        {
            { Report: { } report } => Open311Result.Created(http, report.Code, report.Notice(english), form.MediaUrl, report.MediaQueued),
            { Photo: { } photo } => Open311Result.Fail(http, 400, "Open311.PhotoRefused", photo + ": " + IntakeText.Get(result.ErrorKey!, english, result.Argument)),
            _ => Open311Result.Fail(http, 400, result.ErrorKey!, result.Argument),
        };
    }

    private static async Task<IResult> GetRequests(string format, HttpContext http, Open311Reads reads, TimeProvider clock, CancellationToken ct)
    {
        var sandbox = ApiKeyMiddleware.ClientOf(http)?.IsTest == true;
        if (Open311Query.Requests(http.Request.Query, clock.GetUtcNow().UtcDateTime, sandbox, out var query, out var pageNumber) is { } problem)
        {
            return Open311Result.Fail(http, 400, problem.Key, problem.Argument);
        }

        var page = await reads.ListAsync(query, IntakeText.WantsEnglish(http), ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (pageNumber is { } number)
        {
            Open311Paging.Numbered(http, number, query.PageSize, page.Total);
        }
        else
        {
            Open311Paging.Next(http, page.NextCursor);
        }

        return Open311Result.List(page.Items, Format(format), "service_requests", "request");
    }

    private static async Task<IResult> GetUpdates(string format, HttpContext http, Open311UpdateFeed feed, TimeProvider clock, CancellationToken ct)
    {
        var sandbox = ApiKeyMiddleware.ClientOf(http)?.IsTest == true;
        if (Open311Query.Updates(http.Request.Query, clock.GetUtcNow().UtcDateTime, sandbox, out var query) is { } problem)
        {
            return Open311Result.Fail(http, 400, problem.Key, problem.Argument);
        }

        var page = await feed.ListAsync(query, IntakeText.WantsEnglish(http), Open311Media.BaseUrl(http), ct);
        Open311Paging.Next(http, page.NextCursor);
        return Open311Result.List(page.Items, Format(format), "service_request_updates", "request_update");
    }

    private static async Task<IResult> GetRequest(string service_request_id, string format, HttpContext http, Open311Reads reads, CancellationToken ct) =>
        await reads.GetAsync(service_request_id, IntakeText.WantsEnglish(http), ct) is { } dto
            ? Open311Result.List([dto], Format(format), "service_requests", "request")
            : Open311Result.Fail(http, 404, "Open311.RequestNotFound", service_request_id);

    private static async Task<IResult> GetToken(string token, string format, HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Reports.AsNoTracking().AnyAsync(r => r.Code == token, ct)
            ? Open311Result.List([new TokenDto(token, token)], Format(format), "service_requests", "request")
            : Open311Result.Fail(http, 404, "Open311.TokenNotFound", token);
    }

    private static async Task<IResult> PostRating(string service_request_id, string format, RatingForm form, HttpContext http, CitizenRatingService ratings, Open311Reads reads, CancellationToken ct)
    {
        if (form.Value is not { } rating)
        {
            return Open311Result.Fail(http, 400, "Open311.RatingInvalid");
        }

        return await ratings.RateAsync(service_request_id, ApiKeyMiddleware.ClientOf(http)!.Id, rating, form.Comment, ct) switch
        {
            RatingOutcome.Done => Open311Result.List([(await reads.GetAsync(service_request_id, IntakeText.WantsEnglish(http), ct))!], Format(format), "service_requests", "request"),
            RatingOutcome.NotFound => Open311Result.Fail(http, 404, "Open311.RequestNotFound", service_request_id),
            RatingOutcome.NotYours => Open311Result.Fail(http, 403, "Open311.RatingNotYours"),
            _ => Open311Result.Fail(http, 409, "Open311.RatingNotResolved"),
        };
    }

    /// <summary>The format of a path that passed <see cref="Open311RequestFilter"/>.</summary>
    private static Open311Format Format(string format) => ParseFormat(format) ?? Open311Format.Json;
}
