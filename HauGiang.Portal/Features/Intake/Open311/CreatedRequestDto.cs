using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>The answer to POST requests. account_id is never echoed: it is the reporter's, and stays confidential.</summary>
public sealed record CreatedRequestDto(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);
