using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// What every Open311 call but discovery is checked for first: the format of its path (json or xml; else a 404 in
/// JSON) and the jurisdiction_id, if given (query, or a form already read), which must be this portal's (else 404).
/// </summary>
public sealed class Open311RequestFilter(IOptions<IntakeOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Open311Endpoints.ParseFormat(http.GetRouteValue("format") as string) is null)
        {
            return ValueTask.FromResult<object?>(Open311Result.Fail(http, StatusCodes.Status404NotFound, "Open311.FormatUnknown", format: Open311Format.Json));
        }

        // The form only if it has already been read (asynchronously, by the key lookup or the binding): never a synchronous read here.
        var form = http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form;
        var jurisdiction = http.Request.Query["jurisdiction_id"].FirstOrDefault()
            ?? (form is not null && form.TryGetValue("jurisdiction_id", out var j) ? j.FirstOrDefault() : null);
        if (!string.IsNullOrWhiteSpace(jurisdiction) && !string.Equals(jurisdiction.Trim(), options.Value.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult<object?>(Open311Result.Fail(http, StatusCodes.Status404NotFound, "Open311.JurisdictionNotFound", jurisdiction));
        }

        return next(context);
    }
}
