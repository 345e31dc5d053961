namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// An endpoint that needs a client: without a valid key (found by <see cref="ApiKeyMiddleware"/>) the answer is a
/// 403 saying whether the key was missing or not valid. Reads take a key too, but do not need one.
/// </summary>
public sealed class ApiKeyRequiredFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiKeyMiddleware.ClientOf(http) is not null)
        {
            return next(context);
        }

        var key = http.Items[ApiKeyMiddleware.KeyGivenItem] is true ? "Open311.ApiKeyInvalid" : "Open311.ApiKeyRequired";
        return ValueTask.FromResult<object?>(Open311Result.Fail(http, StatusCodes.Status403Forbidden, key));
    }
}
