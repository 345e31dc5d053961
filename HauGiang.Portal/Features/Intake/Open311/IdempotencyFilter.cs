using System.Security.Cryptography;
using System.Text;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Idempotency-Key on a form POST of a known client (after <see cref="ApiKeyRequiredFilter"/>). It runs before
/// anything that may have changed since the first request (routing, limits): a key seen with another body is a 422,
/// a key whose request is still running a 409, a finished one a replay (<see cref="Claim"/> says which; the header
/// Idempotent-Replayed: true is set here). A new key is claimed; if the endpoint does not answer 2xx, the key is
/// released so that a corrected retry can use it (docs/decisions/006-intake.md).
/// </summary>
public sealed class IdempotencyFilter(IdempotencyService idempotency) : IEndpointFilter
{
    private const string ClaimItem = "open311.idempotency";

    /// <summary>This request's claim on its key (Started: complete RecordId with the report; Replay: ReportCode), or null without a key.</summary>
    public static IdempotencyStart? Claim(HttpContext http) => http.Items.TryGetValue(ClaimItem, out var c) ? c as IdempotencyStart : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers["Idempotency-Key"].FirstOrDefault() is not { } key
            || !http.Request.HasFormContentType || ApiKeyMiddleware.ClientOf(http) is not { } client)
        {
            return await next(context);
        }

        if (!IdempotencyService.IsValidKey(key))
        {
            return Open311Result.Fail(http, StatusCodes.Status400BadRequest, "Open311.IdempotencyKeyInvalid");
        }

        var claim = await idempotency.BeginAsync(client.Id, key, await HashAsync(await http.Request.ReadFormAsync(http.RequestAborted), http.RequestAborted), http.RequestAborted);
        switch (claim.State)
        {
            case IdempotencyState.Mismatch:
                return Open311Result.Fail(http, StatusCodes.Status422UnprocessableEntity, "Open311.IdempotencyMismatch");
            case IdempotencyState.InProgress:
                return Open311Result.Fail(http, StatusCodes.Status409Conflict, "Open311.IdempotencyInProgress");
            case IdempotencyState.Replay:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                break;
            default:
                break;
        }

        http.Items[ClaimItem] = claim;
        var done = false;
        try
        {
            var result = await next(context);
            done = result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
            return result;
        }
        finally
        {
            if (claim.State == IdempotencyState.Started && !done)
            {
                await idempotency.ReleaseAsync(claim.RecordId);
            }
        }
    }

    /// <summary>The request's identity for the key: every field but api_key, sorted, and every file's name and SHA-256.</summary>
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
