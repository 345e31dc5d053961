using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// A service request as anyone may read it. By construction it has no field for the reporter (no email, phone,
/// name, device_id or account_id): the reads never load ReporterContacts at all.
/// </summary>
public sealed record ServiceRequestDto(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime"), JsonConverter(typeof(W3cTimeJsonConverter))] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime"), JsonConverter(typeof(W3cTimeJsonConverter))] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime"), JsonConverter(typeof(W3cTimeJsonConverter))] string ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("long")] double Lon,
    [property: JsonPropertyName("media_url")] string? MediaUrl,
    [property: JsonPropertyName("detailed_status")] string DetailedStatus,
    [property: JsonPropertyName("extension_pending")] bool ExtensionPending,
    [property: JsonPropertyName("rating")] string? Rating,
    [property: JsonPropertyName("external_status_code")] string ExternalStatusCode);
