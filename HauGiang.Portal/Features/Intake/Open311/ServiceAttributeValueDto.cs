using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record ServiceAttributeValueDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);
