using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// One public change of a request, as FixMyStreet's and open311-adapter's update feed reads it
/// (servicerequestupdates: root service_request_updates, one request_update each). There is no media_url:
/// no photo has a public URL yet (photos are served to staff only), so the field is left out rather than empty.
/// </summary>
public sealed record ServiceRequestUpdateDto(
    [property: JsonPropertyName("update_id")] string UpdateId,
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("external_status_code")] string ExternalStatusCode,
    [property: JsonPropertyName("updated_datetime"), JsonConverter(typeof(W3cTimeJsonConverter))] string UpdatedDatetime,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("media_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MediaUrl = null);
