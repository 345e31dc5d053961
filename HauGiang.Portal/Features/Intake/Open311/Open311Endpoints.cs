using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake.MediaUrls;
using HauGiang.Portal.Features.Photos;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2, in JSON and XML (the extension of the path). Errors use the
/// specification's format: a list of {code, description}, with the HTTP status equal to the code.
/// </summary>
public static class Open311Endpoints
{
    public const string GroupName = "open311";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Changeset = "2026-11-30T00:00:00+07:00";

    /// <summary>
    /// FixMyStreet's fallback asks for every open report of a body by id in one GET: refusing a long list fails the
    /// client's whole update run, so a list this long is answered in one response (the request line limit is raised
    /// to fit it, see IntakeExtensions).
    /// </summary>
    public const int MaxIds = 2000;
    private const int DefaultUpdateWindowHours = 24;
    private const int MaxPageSize = 1000;
    private const int MaxRangeDays = 90;

    /// <summary>
    /// How deep page numbers reach (page × page_size): each page skips the rows before it, so the depth is bounded;
    /// beyond it the cursor pages without skipping (or narrower dates make fewer pages).
    /// </summary>
    public const int MaxPagedRows = 10_000;
    private static readonly string[] Formats = ["text/xml", "application/json"];

    public static Open311Format? ParseFormat(string? format) => format switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => null,
    };

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/open311/v2")
            .WithGroupName(GroupName)
            .WithTags("Open311 GeoReport v2")
            .RequireRateLimiting(Open311RateLimitPolicy.Name)
            .AllowAnonymous()
            .DisableAntiforgery();

        v2.MapGet("/discovery.{format}", Discovery)
            .WithSummary("Discovery: where the endpoint is and which formats it speaks.")
            .Produces<DiscoveryDto>(200, "application/json", "text/xml");
        v2.MapGet("/services.{format}", Services)
            .WithSummary("Services: one per active category (service_code, service_name, group…).")
            .Produces<ServiceDto[]>(200, "application/json", "text/xml");
        v2.MapGet("/services/{service_code}.{format}", ServiceDefinition)
            .WithSummary("Service definition: the extra questions (attributes) of a category.")
            .Produces<ServiceDefinitionDto>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(404, "application/json", "text/xml");
        v2.MapPost("/requests.{format}", PostRequest)
            .WithSummary("Create a service request (api_key required). Form-encoded as in the specification; multipart/form-data with up to 5 photo files (field media) as an extension. Header Idempotency-Key makes retries safe.")
            .AddOpenApiOperationTransformer(FormBody<ServiceRequestForm>("application/x-www-form-urlencoded", "multipart/form-data"))
            .Produces<CreatedRequestDto[]>(201, "application/json", "text/xml")
            .Produces<ErrorDto[]>(400, "application/json", "text/xml")
            .Produces<ErrorDto[]>(403, "application/json", "text/xml")
            .Produces<ErrorDto[]>(409, "application/json", "text/xml")
            .Produces<ErrorDto[]>(422, "application/json", "text/xml")
            .Produces<ErrorDto[]>(429, "application/json", "text/xml");
        v2.MapGet("/requests.{format}", GetRequests)
            .WithSummary("Service requests: by service_request_id (comma-separated, up to 2,000, all in one answer), or by service_code, start_date, end_date (at most 90 days; default the last 90) and status. Extensions: updated_after/updated_before (the last update; sorts by it, newest first, and drops the default date window), page (with page_size; Link header) or cursor (from the X-Next-Cursor header), page_size (≤ 1000), X-Total-Count; lat/long/radius (metres) or bbox (west,south,east,north).")
            .Produces<ServiceRequestDto[]>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(400, "application/json", "text/xml");
        // Its own limit (endpoint metadata replaces the group's policy here, so a feed call counts only there).
        v2.MapGet("/servicerequestupdates.{format}", GetUpdates)
            .RequireRateLimiting(Open311UpdateFeedRateLimitPolicy.Name)
            .WithSummary("Updates (FixMyStreet/open311-adapter extension): one request_update per public change of a request (reply, progress update, state change, reopening) with update_id, service_request_id, status, external_status_code (new, in_progress, resolved, closed, rejected, duplicate), updated_datetime and the public description. start_date and end_date bound the time of the change (at most 90 days; default the last 24 hours); oldest first; page_size (≤ 1000) and cursor (from X-Next-Cursor) as for requests.")
            .Produces<ServiceRequestUpdateDto[]>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(400, "application/json", "text/xml")
            .Produces<ErrorDto[]>(429, "application/json", "text/xml");
        v2.MapGet("/requests/{service_request_id}.{format}", GetRequest)
            .WithSummary("One service request.")
            .Produces<ServiceRequestDto[]>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(404, "application/json", "text/xml");
        v2.MapGet("/media/{id:long}.jpg", Open311Media.GetAsync)
            .WithSummary("A public result photo (extension): the media_url of a reply in the update feed. Only photos the unit published with a public reply; any other id is 404.")
            .Produces(200, contentType: "image/jpeg")
            .Produces<ErrorDto[]>(404, "application/json");
        v2.MapGet("/tokens/{token}.{format}", GetToken)
            .WithSummary("The service_request_id for a token. Requests are created synchronously, so the token is the service_request_id itself.")
            .Produces<TokenDto[]>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(404, "application/json", "text/xml");
        v2.MapPost("/requests/{service_request_id}/rating.{format}", PostRating)
            .WithSummary("Extension: the citizen's rating of a resolved request (satisfied, acceptable, not_satisfied). Not satisfied reopens it.")
            .AddOpenApiOperationTransformer(FormBody<RatingForm>("application/x-www-form-urlencoded"))
            .Produces<ServiceRequestDto[]>(200, "application/json", "text/xml")
            .Produces<ErrorDto[]>(409, "application/json", "text/xml");
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
            return UnknownFormat(http);
        }

        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/open311/v2";
        var english = IntakeText.WantsEnglish(http);
        return Open311Result.One(new DiscoveryDto(Changeset, options.Value.Contact, IntakeText.Get("Open311.KeyService", english),
            [
                new DiscoveryEndpointDto(Specification, baseUrl, Changeset, "production", Formats),

                // The sandbox is the same address with a test client's key (docs/open311.md, "Sandbox").
                new DiscoveryEndpointDto(Specification, baseUrl, Changeset, "test", Formats),
            ]), f, "discovery");
    }

    private static async Task<IResult> Services(string format, HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        return Open311Result.List(categories.Select(c => ToService(c, english)), f, "services", "service");
    }

    private static async Task<IResult> ServiceDefinition(string service_code, string format, HttpContext http, IntakeService intake, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        if (await intake.FindCategoryAsync(service_code, ct) is null)
        {
            return Open311Result.Error(404, IntakeText.Get("Intake.UnknownCategory", english, service_code), f);
        }

        var attributes = ServiceAttributes.For(service_code).OrderBy(a => a.Order).Select(a => new ServiceAttributeDto(
            true, a.Code, a.Datatype, a.Required, null, a.Order, a.Description(english),
            a.Values.Select(v => new ServiceAttributeValueDto(v.Key, english ? v.NameEn : v.NameVi)).ToList())).ToList();
        return Open311Result.One(new ServiceDefinitionDto(service_code, attributes), f, "service_definition");
    }

    private static async Task<IResult> PostRequest(
        string format,
        HttpContext http,
        IntakeService intake,
        PhotoService photos,
        MediaUrlQueue mediaUrls,
        IdempotencyService idempotency,
        IOptions<IntakeOptions> options,
        CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        IResult Error(int code, string key, string? arg = null) => Open311Result.Error(code, IntakeText.Get(key, english, arg), f);

        if (ApiKeyMiddleware.ClientOf(http) is not { } client)
        {
            return Error(403, http.Items[ApiKeyMiddleware.KeyGivenItem] is true ? "Open311.ApiKeyInvalid" : "Open311.ApiKeyRequired");
        }

        if (!http.Request.HasFormContentType)
        {
            return Error(400, "Open311.FormRequired");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (Open311ErrorMiddleware.UnreadableBody(e) is { } status)
        {
            return Open311ErrorMiddleware.Write(http, status, status == StatusCodes.Status413PayloadTooLarge ? "Open311.BodyTooLarge" : "Open311.BodyUnreadable");
        }

        string? P(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : http.Request.Query[name].FirstOrDefault();

        // Idempotency first: a replay must not depend on anything that may have changed since (routing, limits).
        IdempotencyStart? claim = null;
        if (http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { } idemKey)
        {
            if (!IdempotencyService.IsValidKey(idemKey))
            {
                return Error(400, "Open311.IdempotencyKeyInvalid");
            }

            claim = await idempotency.BeginAsync(client.Id, idemKey, await HashAsync(form, ct), ct);
            switch (claim.State)
            {
                case IdempotencyState.Mismatch:
                    return Error(422, "Open311.IdempotencyMismatch");
                case IdempotencyState.InProgress:
                    return Error(409, "Open311.IdempotencyInProgress");
                case IdempotencyState.Replay:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    return await CreatedAsync(claim.ReportCode!, P("media_url"), mediaUrls.Enabled, f, english, intake, ct);
                default:
                    break;
            }
        }

        var created = false;
        try
        {
            var result = await CreateAsync(form, P, client, f, english, intake, photos, mediaUrls, claim?.RecordId, ct);
            created = result.StatusCode == 201;
            return result;
        }
        finally
        {
            if (claim is { State: IdempotencyState.Started } && !created)
            {
                await idempotency.ReleaseAsync(claim.RecordId);
            }
        }
    }

    private static async Task<Open311Result> CreateAsync(
        IFormCollection form,
        Func<string, string?> p,
        ApiClientIdentity client,
        Open311Format f,
        bool english,
        IntakeService intake,
        PhotoService photos,
        MediaUrlQueue mediaUrls,
        long? idempotencyRecordId,
        CancellationToken ct)
    {
        Open311Result Error(int code, string key, string? arg = null) => Open311Result.Error(code, IntakeText.Get(key, english, arg), f);

        var serviceCode = p("service_code");
        if (string.IsNullOrWhiteSpace(serviceCode))
        {
            return Error(400, "Intake.CategoryRequired");
        }

        if (await intake.FindCategoryAsync(serviceCode, ct) is null)
        {
            return Error(400, "Intake.UnknownCategory", serviceCode);
        }

        double? lat = null, lon = null;
        if (p("lat") is not null || p("long") is not null)
        {
            if (!TryCoordinate(p("lat"), out var la) || !TryCoordinate(p("long"), out var lo))
            {
                return Error(400, "Intake.LatLongInvalid");
            }

            (lat, lon) = (la, lo);
        }
        else if (string.IsNullOrWhiteSpace(p("address_string")))
        {
            return Error(400, "Intake.LocationRequired");
        }

        var (details, attributeError, attributeCode) = ServiceAttributes.Validate(serviceCode.Trim(), code =>
            [.. form[$"attribute[{code}]"].Concat(form[$"attribute[{code}][]"]).OfType<string>()]);
        if (attributeError is not null)
        {
            return Error(400, attributeError, attributeCode);
        }

        var files = form.Files;
        if (files.Count > photos.MaxPerReport)
        {
            return Error(400, "Photo.TooMany", photos.MaxPerReport.ToString(CultureInfo.InvariantCulture));
        }

        var prepared = new List<PreparedPhoto>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var check = await photos.PrepareAsync(stream, ct);
            if (check.Photo is null)
            {
                var name = string.IsNullOrWhiteSpace(file.FileName) ? file.Name : file.FileName;
                return Error(400, "Open311.PhotoRefused", name + ": " + IntakeText.Get(check.ErrorKey!, english, check.Argument));
            }

            prepared.Add(check.Photo);
        }

        var fullName = string.Join(' ', new[] { p("first_name"), p("last_name") }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        var result = await intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = serviceCode,
            Description = p("description") ?? "",
            Latitude = lat,
            Longitude = lon,
            Address = p("address_string"),
            Contact = new IntakeContact(fullName.Length == 0 ? null : fullName, p("phone"), p("email"), p("device_id"), p("account_id")),
            Photos = prepared,
            Source = ReportSource.Open311,
            ApiClientId = client.Id,
            IsTest = client.IsTest,
            Details = details,
            IdempotencyRecordId = idempotencyRecordId,
        }, ct);

        if (!result.Succeeded)
        {
            return Error(400, result.ErrorKey!, result.Argument);
        }

        var unit = english ? await intake.UnitNameEnAsync(result.Report!.UnitId, ct) : result.Report!.UnitName;

        // The photo at media_url is fetched after the answer, in the background: a slow or hostile image server
        // never delays or fails the report itself.
        // FixMyStreet sends one media_url per photo (repeated field): each is fetched, up to the photo limit.
        var mediaUrl = p("media_url");
        var queued = false;
        if (mediaUrls.Enabled)
        {
            foreach (var url in form["media_url"].Concat(form["media_url[]"]).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).Take(photos.MaxPerReport))
            {
                queued |= mediaUrls.TryEnqueue(new MediaUrlJob(result.Report.Id, url!, client.MediaHosts));
            }
        }

        var notice = result.Report.IsTest ? IntakeService.TestNotice(unit, result.Report.DueAt, english) : IntakeService.Notice(unit, result.Report.DueAt, english);
        return Created(result.Report.Code, notice, mediaUrl, queued, f, english);
    }

    private static async Task<Open311Result> CreatedAsync(string code, string? mediaUrl, bool queued, Open311Format f, bool english, IntakeService intake, CancellationToken ct) =>
        Created(code, await intake.NoticeAsync(code, english, ct), mediaUrl, queued, f, english);

    private static Open311Result Created(string code, string notice, string? mediaUrl, bool queued, Open311Format f, bool english)
    {
        if (!string.IsNullOrWhiteSpace(mediaUrl))
        {
            notice += " " + IntakeText.Get(queued ? "Open311.MediaUrlQueued" : "Open311.MediaUrlNotFetched", english);
        }

        return Open311Result.List([new CreatedRequestDto(code, notice, null)], f, "service_requests", "request", StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetRequests(string format, HttpContext http, Open311Reads reads, TimeProvider clock, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        IResult Error(string key, string? arg = null) => Open311Result.Error(400, IntakeText.Get(key, english, arg), f);
        var query = http.Request.Query;

        var ids = Split(query["service_request_id"]);
        if (ids.Count > MaxIds)
        {
            return Error("Open311.TooManyIds", MaxIds.ToString(CultureInfo.InvariantCulture));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (DateParam(query, "start_date", out var start) is { } badStart)
        {
            return Error("Open311.DateInvalid", badStart);
        }

        if (DateParam(query, "end_date", out var end) is { } badEnd)
        {
            return Error("Open311.DateInvalid", badEnd);
        }

        if (DateParam(query, "updated_after", out var updatedAfter) is { } badAfter)
        {
            return Error("Open311.DateInvalid", badAfter);
        }

        if (DateParam(query, "updated_before", out var updatedBefore) is { } badBefore)
        {
            return Error("Open311.DateInvalid", badBefore);
        }

        if (updatedAfter is { } ua && updatedBefore is { } ub && ua >= ub)
        {
            return Error("Open311.UpdatedRangeInvalid");
        }

        DateTime? from, to;
        if ((updatedAfter is not null || updatedBefore is not null) && start is null && end is null)
        {
            // Incremental sync asks "what changed since my last run": a report received long ago and updated now
            // must be in the answer, so the default window on the time received does not apply.
            (from, to) = (null, null);
        }
        else
        {
            to = end ?? (start is { } st ? st.AddDays(MaxRangeDays) : now);
            from = start ?? to.Value.AddDays(-MaxRangeDays);
            if (from > to || (to.Value - from.Value).TotalDays > MaxRangeDays)
            {
                return Error("Open311.DateRange", MaxRangeDays.ToString(CultureInfo.InvariantCulture));
            }
        }

        bool? open = null;
        var statuses = Split(query["status"]);
        if (statuses.Any(x => x is not ("open" or "closed")))
        {
            return Error("Open311.StatusInvalid");
        }

        if (statuses.Distinct().Count() == 1)
        {
            open = statuses[0] == "open";
        }

        var pageSize = MaxPageSize;
        if (query["page_size"].FirstOrDefault() is { Length: > 0 } ps && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Error("Open311.PageSizeInvalid", MaxPageSize.ToString(CultureInfo.InvariantCulture));
        }

        (DateTime, long)? after = null;
        if (query["cursor"].FirstOrDefault() is { Length: > 0 } cursor && (after = Open311Reads.ParseCursor(cursor)) is null)
        {
            return Error("Open311.CursorInvalid");
        }

        int? pageNumber = null;
        if (query["page"].FirstOrDefault() is { Length: > 0 } pg)
        {
            if (!int.TryParse(pg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return Error("Open311.PageInvalid");
            }

            if (after is not null)
            {
                return Error("Open311.PageWithCursor");
            }

            if ((long)n * pageSize > MaxPagedRows)
            {
                return Error("Open311.PageTooDeep", MaxPagedRows.ToString(CultureInfo.InvariantCulture));
            }

            pageNumber = n;
        }

        if (GeoFilter.Parse(query, out var area) is { } badGeo)
        {
            return Error(badGeo, GeoFilter.MaxRadiusMetres.ToString(CultureInfo.InvariantCulture));
        }

        // An id list is answered whole, never cut at a page (the client asked for exactly these).
        var byIds = ids.Count > 0;
        var size = byIds ? MaxIds : pageSize;
        var page = await reads.ListAsync(
            new RequestQuery(ids, Split(query["service_code"]), from, to, open, size, after, updatedAfter, updatedBefore,
                byIds ? 0 : ((pageNumber ?? 1) - 1) * pageSize, area, Sandbox: ApiKeyMiddleware.ClientOf(http)?.IsTest == true), english, ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (pageNumber is { } number && !byIds)
        {
            PageNumberHeaders(http, number, pageSize, page.Total);
        }
        else
        {
            NextPageHeaders(http, page.NextCursor);
        }

        return Open311Result.List(page.Items, f, "service_requests", "request");
    }

    /// <summary>
    /// RFC 8288 links of page-number paging (as GitHub's API gives them): first, prev, next and last, where they exist
    /// within the depth page numbers may reach.
    /// </summary>
    private static void PageNumberHeaders(HttpContext http, int page, int pageSize, int total)
    {
        var last = Math.Max(1, (int)Math.Min((total + (long)pageSize - 1) / pageSize, MaxPagedRows / pageSize));
        string Link(int n, string rel)
        {
            var qs = QueryString.Create(http.Request.Query.Where(kv => kv.Key != "page")
                .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
                .Append(new("page", n.ToString(CultureInfo.InvariantCulture))));
            return $"<{http.Request.PathBase}{http.Request.Path}{qs}>; rel=\"{rel}\"";
        }

        var links = new List<string> { Link(1, "first") };
        if (page > 1)
        {
            links.Add(Link(Math.Min(page - 1, last), "prev"));
        }

        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
        }

        links.Add(Link(last, "last"));
        http.Response.Headers.Link = string.Join(", ", links);
    }

    private static async Task<IResult> GetUpdates(string format, HttpContext http, Open311UpdateFeed feed, TimeProvider clock, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        IResult Error(string key, string? arg = null) => Open311Result.Error(400, IntakeText.Get(key, english, arg), f);
        var query = http.Request.Query;

        if (DateParam(query, "start_date", out var start) is { } badStart)
        {
            return Error("Open311.DateInvalid", badStart);
        }

        if (DateParam(query, "end_date", out var end) is { } badEnd)
        {
            return Error("Open311.DateInvalid", badEnd);
        }

        // FixMyStreet sends both or neither (then it would want its last 2 hours; a day covers that and more).
        var to = end ?? (start is { } st ? st.AddDays(MaxRangeDays) : clock.GetUtcNow().UtcDateTime);
        var from = start ?? to.AddHours(-DefaultUpdateWindowHours);
        if (from > to || (to - from).TotalDays > MaxRangeDays)
        {
            return Error("Open311.DateRange", MaxRangeDays.ToString(CultureInfo.InvariantCulture));
        }

        var pageSize = MaxPageSize;
        if (query["page_size"].FirstOrDefault() is { Length: > 0 } ps && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Error("Open311.PageSizeInvalid", MaxPageSize.ToString(CultureInfo.InvariantCulture));
        }

        (DateTime, long)? after = null;
        if (query["cursor"].FirstOrDefault() is { Length: > 0 } cursor && (after = Open311Reads.ParseCursor(cursor)) is null)
        {
            return Error("Open311.CursorInvalid");
        }

        var page = await feed.ListAsync(new UpdateQuery(from, to, pageSize, after, Sandbox: ApiKeyMiddleware.ClientOf(http)?.IsTest == true), english, Open311Media.BaseUrl(http), ct);
        NextPageHeaders(http, page.NextCursor);
        return Open311Result.List(page.Items, f, "service_request_updates", "request_update");
    }

    private static void NextPageHeaders(HttpContext http, string? next)
    {
        if (next is null)
        {
            return;
        }

        var query = http.Request.Query;
        http.Response.Headers["X-Next-Cursor"] = next;
        var qs = QueryString.Create(query.Where(kv => kv.Key != "cursor").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).Append(new("cursor", next)));
        http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{qs}>; rel=\"next\"";
    }

    /// <summary>
    /// Reads a W3C date-time parameter; returns the parameter's name when it is present and not a date. A '+' of the
    /// offset that a client forgot to encode arrives as a space ("…T12:00:00 07:00"): it is read as the '+' it was.
    /// </summary>
    private static string? DateParam(IQueryCollection query, string name, out DateTime? utc)
    {
        utc = null;
        if (query[name].FirstOrDefault() is not { Length: > 0 } text)
        {
            return null;
        }

        var space = text.LastIndexOf(' ');
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            || (space > 0 && DateTimeOffset.TryParse(string.Concat(text.AsSpan(0, space), "+", text.AsSpan(space + 1)), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d)))
        {
            utc = d.UtcDateTime;
            return null;
        }

        return name;
    }

    private static async Task<IResult> GetRequest(string service_request_id, string format, HttpContext http, Open311Reads reads, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        return await reads.GetAsync(service_request_id, english, ct) is { } dto
            ? Open311Result.List([dto], f, "service_requests", "request")
            : Open311Result.Error(404, IntakeText.Get("Open311.RequestNotFound", english, service_request_id), f);
    }

    private static async Task<IResult> GetToken(string token, string format, HttpContext http, IDbContextFactory<PortalDbContext> dbFactory, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Reports.AsNoTracking().AnyAsync(r => r.Code == token, ct)
            ? Open311Result.List([new TokenDto(token, token)], f, "service_requests", "request")
            : Open311Result.Error(404, IntakeText.Get("Open311.TokenNotFound", IntakeText.WantsEnglish(http), token), f);
    }

    private static async Task<IResult> PostRating(string service_request_id, string format, HttpContext http, CitizenRatingService ratings, Open311Reads reads, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (Prelude(format, http, options) is { } problem)
        {
            return problem;
        }

        var f = ParseFormat(format)!.Value;
        var english = IntakeText.WantsEnglish(http);
        IResult Error(int code, string key, string? arg = null) => Open311Result.Error(code, IntakeText.Get(key, english, arg), f);
        if (ApiKeyMiddleware.ClientOf(http) is not { } client)
        {
            return Error(403, http.Items[ApiKeyMiddleware.KeyGivenItem] is true ? "Open311.ApiKeyInvalid" : "Open311.ApiKeyRequired");
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;
        CitizenRating? rating = form["rating"].FirstOrDefault() switch
        {
            "satisfied" => CitizenRating.Satisfied,
            "acceptable" => CitizenRating.Acceptable,
            "not_satisfied" => CitizenRating.NotSatisfied,
            _ => null,
        };
        if (rating is null)
        {
            return Error(400, "Open311.RatingInvalid");
        }

        return await ratings.RateAsync(service_request_id, client.Id, rating.Value, form["comment"].FirstOrDefault(), ct) switch
        {
            RatingOutcome.Done => Open311Result.List([(await reads.GetAsync(service_request_id, english, ct))!], f, "service_requests", "request"),
            RatingOutcome.NotFound => Error(404, "Open311.RequestNotFound", service_request_id),
            RatingOutcome.NotYours => Error(403, "Open311.RatingNotYours"),
            _ => Error(409, "Open311.RatingNotResolved"),
        };
    }

    /// <summary>Checks what every endpoint checks: the format and the jurisdiction.</summary>
    private static IResult? Prelude(string format, HttpContext http, IOptions<IntakeOptions> options)
    {
        if (ParseFormat(format) is not { } f)
        {
            return UnknownFormat(http);
        }

        // The form only if it has already been read (asynchronously, by the key lookup): never a synchronous read here.
        var form = http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form;
        var jurisdiction = http.Request.Query["jurisdiction_id"].FirstOrDefault()
            ?? (form is not null && form.TryGetValue("jurisdiction_id", out var j) ? j.FirstOrDefault() : null);
        if (!string.IsNullOrWhiteSpace(jurisdiction) && !string.Equals(jurisdiction.Trim(), options.Value.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            return Open311Result.Error(404, IntakeText.Get("Open311.JurisdictionNotFound", IntakeText.WantsEnglish(http), jurisdiction), f);
        }

        return null;
    }

    private static Open311Result UnknownFormat(HttpContext http) =>
        Open311Result.Error(404, IntakeText.Get("Open311.FormatUnknown", IntakeText.WantsEnglish(http)), Open311Format.Json);

    private static ServiceDto ToService(Category c, bool english) => new(
        c.Code,
        c.Name(english),
        IntakeText.Get("Open311.ServiceDescription", english, c.HandlingDays.ToString(CultureInfo.InvariantCulture)),
        ServiceAttributes.For(c.Code).Count > 0,
        "realtime",
        english ? $"{c.NameVi}, {c.Group}" : $"{c.NameEn}, {c.GroupEn}",
        english ? c.GroupEn : c.Group);

    private static bool TryCoordinate(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static List<string> Split(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>The request's identity for Idempotency-Key: every field but api_key, sorted, and every file's name and SHA-256.</summary>
    private static async Task<string> HashAsync(IFormCollection form, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, values) in form.Where(kv => kv.Key != "api_key").OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var v in values)
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"{key.Length}:{key}={v?.Length}:{v}\n"));
            }
        }

        foreach (var file in form.Files.OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.FileName, StringComparer.Ordinal))
        {
            await using var stream = file.OpenReadStream();
            var hash = await SHA256.HashDataAsync(stream, ct);
            sha.AppendData(Encoding.UTF8.GetBytes($"file:{file.Name}:{file.FileName}:{Convert.ToHexString(hash)}\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
