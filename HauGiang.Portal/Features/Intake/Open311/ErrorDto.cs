using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record ErrorDto(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);
