using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// What the OpenAPI document cannot learn from the handlers, which read the query themselves (Open311 names such as
/// <c>long</c> and <c>page_size</c>, and errors in its own format, do not fit model binding): the query parameters of
/// each read, the api_key security schemes, and the headers (Idempotency-Key, X-Total-Count, Link, X-Next-Cursor,
/// Retry-After). Kept beside the endpoints so a new parameter is documented where it is added.
/// </summary>
public static class Open311Contract
{
    public const string KeyHeaderScheme = "api_key_header";
    public const string KeyQueryScheme = "api_key_query";

    private static readonly (string Name, JsonSchemaType Type, string? Format, string Description)[] Window =
    [
        ("start_date", JsonSchemaType.String, "date-time", "W3C date-time (e.g. 2026-12-01T08:00:00+07:00; encode + as %2B): the earliest time."),
        ("end_date", JsonSchemaType.String, "date-time", "W3C date-time: the latest time. At most 90 days after start_date."),
    ];

    private static readonly (string Name, JsonSchemaType Type, string? Format, string Description)[] Cursor =
    [
        ("page_size", JsonSchemaType.Integer, "int32", "Extension: results per page, 1–1000 (default 1000)."),
        ("cursor", JsonSchemaType.String, null, "Extension: the X-Next-Cursor header of the previous page."),
    ];

    /// <summary>The query parameters GET requests.{format} reads (besides jurisdiction_id and api_key, on every call).</summary>
    public static readonly (string Name, JsonSchemaType Type, string? Format, string Description)[] RequestsQuery =
    [
        ("service_request_id", JsonSchemaType.String, null, "Comma-separated ids, up to 2,000, answered whole in one response; every other filter is then ignored."),
        ("service_code", JsonSchemaType.String, null, "Comma-separated service codes."),
        .. Window,
        ("status", JsonSchemaType.String, null, "open or closed (comma-separated)."),
        ("updated_after", JsonSchemaType.String, "date-time", "Extension: requests last updated strictly after this W3C date-time; sorts by the last update, newest first, and drops the default 90-day window."),
        ("updated_before", JsonSchemaType.String, "date-time", "Extension: requests last updated strictly before this W3C date-time."),
        ("page", JsonSchemaType.Integer, "int32", "Extension: page number, from 1 (page × page_size ≤ 10,000; not with cursor). Link header: first, prev, next, last."),
        .. Cursor,
        ("lat", JsonSchemaType.Number, "double", "Extension: latitude of the centre (degrees, with long)."),
        ("long", JsonSchemaType.Number, "double", "Extension: longitude of the centre (degrees, with lat)."),
        ("radius", JsonSchemaType.Number, "double", "Extension: metres around lat/long, more than 0 and at most 50,000 (default 1,000)."),
        ("bbox", JsonSchemaType.String, null, "Extension: west,south,east,north in degrees (longitude first, the GeoJSON order). Not with lat/long."),
    ];

    /// <summary>The query parameters GET servicerequestupdates.{format} reads.</summary>
    public static readonly (string Name, JsonSchemaType Type, string? Format, string Description)[] UpdatesQuery = [.. Window, .. Cursor];

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyHeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "The client's key (from /admin/api-clients). The same key may come as the query parameter or the form field api_key.",
            };
            document.Components.SecuritySchemes[KeyQueryScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "api_key",
                Description = "The client's key as a query parameter; in a POST body, the form field api_key.",
            };
            return Task.CompletedTask;
        });

        o.AddOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath ?? "";
            var post = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
            var document = context.Document;
            operation.Parameters ??= [];
            foreach (var p in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.Name == "format"))
            {
                p.Description = "json or xml: the format of the answer, and of its errors.";
            }

            var query = path switch
            {
                "open311/v2/requests.{format}" when !post => RequestsQuery,
                "open311/v2/servicerequestupdates.{format}" => UpdatesQuery,
                _ => [],
            };
            foreach (var (name, type, format, description) in query)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Query, Description = description,
                    Schema = new OpenApiSchema { Type = type, Format = format },
                });
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "jurisdiction_id", In = ParameterLocation.Query, Description = "Optional; if given it must be this portal's (else 404).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });

            if (post && path == "open311/v2/requests.{format}")
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key", In = ParameterLocation.Header,
                    Description = "Extension: 1–200 printable ASCII characters. The same key and request answer the same service_request_id (Idempotent-Replayed: true); another request with it is 422; while the first runs, 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
                Header(operation, "201", "Idempotent-Replayed", JsonSchemaType.String, "true when the answer is a replay of an earlier request with the same Idempotency-Key.");
            }

            if (query.Length > 0)
            {
                if (query == RequestsQuery)
                {
                    Header(operation, "200", "X-Total-Count", JsonSchemaType.Integer, "Extension: how many requests match the filters over all pages.");
                }

                Header(operation, "200", "X-Next-Cursor", JsonSchemaType.String, "Extension: the cursor of the next page (absent on the last page).");
                Header(operation, "200", "Link", JsonSchemaType.String, "RFC 8288 links: next (cursor paging); first, prev, next, last (page paging).");
            }

            // Every call is rate-limited (per key, or per IP without one).
            operation.Responses ??= [];
            if (!operation.Responses.ContainsKey("429"))
            {
                operation.Responses["429"] = new OpenApiResponse { Description = "Over the client's rate limit." };
            }

            Header(operation, "429", "Retry-After", JsonSchemaType.Integer, "Seconds to wait before the next call.");

            // POSTs need a key; reads accept one (then the client's own rate limit applies): the empty requirement makes it optional.
            operation.Security = [.. (post ? Array.Empty<OpenApiSecurityRequirement>() : [new OpenApiSecurityRequirement()]),
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyHeaderScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyQueryScheme, document)] = [] }];
            return Task.CompletedTask;
        });
    }

    private static void Header(OpenApiOperation operation, string status, string name, JsonSchemaType type, string description)
    {
        if (operation.Responses?.TryGetValue(status, out var r) == true && r is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
        }
    }
}
