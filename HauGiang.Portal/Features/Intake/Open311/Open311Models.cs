using System.Globalization;
using System.Text.Json.Serialization;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake.Open311;

// The GeoReport v2 documents, field names as in the specification. The same records are written as JSON and as
// XML (Open311Result): in XML, lists become an element per item, named by [XmlItem].

/// <summary>Names the XML element of each item of a list property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class XmlItemAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public sealed record DiscoveryDto(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints"), XmlItem("endpoint")] IReadOnlyList<DiscoveryEndpointDto> Endpoints);

public sealed record DiscoveryEndpointDto(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats"), XmlItem("format")] IReadOnlyList<string> Formats);

public sealed record ServiceDto(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group)
{
    /// <summary>A category as a service; the keywords are its name and group in the other language.</summary>
    public static ServiceDto From(Category c, bool english) => new(
        c.Code,
        c.Name(english),
        IntakeText.Get("Open311.ServiceDescription", english, c.HandlingDays.ToString(CultureInfo.InvariantCulture)),
        ServiceAttributes.For(c.Code).Count > 0,
        "realtime",
        english ? $"{c.NameVi}, {c.Group}" : $"{c.NameEn}, {c.GroupEn}",
        english ? c.GroupEn : c.Group);
}

public sealed record ServiceDefinitionDto(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes"), XmlItem("attribute")] IReadOnlyList<ServiceAttributeDto> Attributes)
{
    /// <summary>The extra questions of a category (<see cref="ServiceAttributes"/>), in their order.</summary>
    public static ServiceDefinitionDto For(string serviceCode, bool english) => new(serviceCode, ServiceAttributes.For(serviceCode).OrderBy(a => a.Order)
        .Select(a => new ServiceAttributeDto(true, a.Code, a.Datatype, a.Required, null, a.Order, a.Description(english),
            a.Values.Select(v => new ServiceAttributeValueDto(v.Key, english ? v.NameEn : v.NameVi)).ToList())).ToList());
}

public sealed record ServiceAttributeDto(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values"), XmlItem("value")] IReadOnlyList<ServiceAttributeValueDto> Values);

public sealed record ServiceAttributeValueDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);

/// <summary>The answer to POST requests. account_id is never echoed: it is the reporter's, and stays confidential.</summary>
public sealed record CreatedRequestDto(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

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

public sealed record TokenDto(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token);

public sealed record ErrorDto(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);
