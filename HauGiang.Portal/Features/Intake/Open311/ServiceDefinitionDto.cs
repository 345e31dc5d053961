using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

public sealed record ServiceDefinitionDto(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes"), XmlItem("attribute")] IReadOnlyList<ServiceAttributeDto> Attributes)
{
    /// <summary>The extra questions of a category (<see cref="ServiceAttributes"/>), in their order.</summary>
    public static ServiceDefinitionDto For(string serviceCode, bool english) => new(serviceCode, ServiceAttributes.For(serviceCode).OrderBy(a => a.Order)
        .Select(a => new ServiceAttributeDto(true, a.Code, a.Datatype, a.Required, null, a.Order, a.Description(english),
            a.Values.Select(v => new ServiceAttributeValueDto(v.Key, english ? v.NameEn : v.NameVi)).ToList())).ToList());
}
