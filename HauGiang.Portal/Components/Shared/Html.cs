using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HauGiang.Portal.Components.Shared;

/// <summary>
/// Text made safe for HTML that the portal writes as one string (lists shared by many open pages, see
/// docs/decisions/008-live-feed.md). Vietnamese letters stay letters: the default encoder would turn each into an
/// entity, making every string several times longer.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<string, Microsoft.AspNetCore.Components.MarkupString> SmallIcons = new();

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    /// <summary>A MudBlazor icon as MudIcon writes it at the small size, without a component (buttons on every page).</summary>
    public static Microsoft.AspNetCore.Components.MarkupString SmallIcon(string svgContent) => SmallIcons.GetOrAdd(svgContent, c => new(
        "<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">" + c + "</svg>"));

    /// <summary>The same at MudIcon's medium size (icon buttons).</summary>
    public static Microsoft.AspNetCore.Components.MarkupString MediumIcon(string svgContent) => SmallIcons.GetOrAdd("medium:" + svgContent, _ => new(
        "<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">" + svgContent + "</svg>"));
}
