using System.Text.Json;
using System.Text.Json.Serialization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Writes a W3C time as it reads, "2026-12-06T09:30:00+07:00": the API's encoder escapes "+" as "\u002B" (it keeps
/// HTML-sensitive characters escaped everywhere else), which JSON parsers decode but people and some clients' date
/// handling trip over. Only the characters of a time are written raw; anything else is written as usual.
/// </summary>
public sealed class W3cTimeJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.' or '+'))
        {
            writer.WriteRawValue("\"" + value + "\"", skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
