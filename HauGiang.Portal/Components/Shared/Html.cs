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

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);
}
