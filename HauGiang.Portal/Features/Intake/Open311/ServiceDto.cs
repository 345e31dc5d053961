using System.Globalization;
using System.Text.Json.Serialization;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake.Open311;

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
