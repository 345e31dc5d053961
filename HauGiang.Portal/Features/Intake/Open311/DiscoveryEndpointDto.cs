using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record DiscoveryEndpointDto(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats"), XmlItem("format")] IReadOnlyList<string> Formats);
