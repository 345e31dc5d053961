using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record ServiceAttributeDto(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values"), XmlItem("value")] IReadOnlyList<ServiceAttributeValueDto> Values);
