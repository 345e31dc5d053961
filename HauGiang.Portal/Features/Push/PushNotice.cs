using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// What a push says about a report, and all it may say: its code, category and place, and the address of its page.
/// Never the description, the reporter or anything of the timeline — a lock screen is seen by anyone nearby, and the
/// push service stores the message (encrypted) until the phone comes back (docs/security.md, "Web Push").
/// </summary>
public sealed record PushNotice(PushKind Kind, string Code, string Category, string Place)
{
    private static readonly CultureInfo Vietnamese = new(Localization.LocalizationExtensions.Vietnamese);

    /// <summary>The JSON the service worker shows (<c>wwwroot/sw.js</c>): in Vietnamese, the portal's language of record.</summary>
    public string ToPayload(IStringLocalizer<PushResource> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vietnamese;
        try
        {
            var body = string.IsNullOrWhiteSpace(Place) ? Category : $"{Category} · {Place}";
            return JsonSerializer.Serialize(new Payload(text["Title." + Kind, Code], body, Url, Code, Code, Category, Place, Kind.ToString()), PayloadJson.Default.Payload);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public string Url => "/reports/" + Uri.EscapeDataString(Code);

    internal sealed record Payload(string Title, string Body, string Url, string Tag, string Code, string Category, string Place, string Kind);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PushNotice.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;
