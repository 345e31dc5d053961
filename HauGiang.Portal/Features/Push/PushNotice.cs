using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace HauGiang.Portal.Features.Push;

/// <summary>Why a device is told of a report.</summary>
public enum PushKind
{
    /// <summary>A report entered the user's scope: new, or transferred/escalated to their unit.</summary>
    NewInScope,

    /// <summary>A report was assigned to the user.</summary>
    Assigned,

    /// <summary>The user's report falls due within the "sắp đến hạn" window.</summary>
    DueSoon,

    /// <summary>An extension request awaits the user (a head of the report's unit).</summary>
    ExtensionRequested,
}

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
