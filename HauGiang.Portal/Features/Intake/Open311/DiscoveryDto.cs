using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record DiscoveryDto(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints"), XmlItem("endpoint")] IReadOnlyList<DiscoveryEndpointDto> Endpoints);
