using System.Globalization;
using System.Resources;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// Intake messages outside a component (API error descriptions): the same resource keys as the UI
/// (Resources/IntakeResource*.resx), in Vietnamese unless the client asks for English.
/// </summary>
public static class IntakeText
{
    private static readonly ResourceManager Resources = new("HauGiang.Portal.Resources.IntakeResource", typeof(IntakeText).Assembly);
    private static readonly CultureInfo English = new("en-US");
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    public static string Get(string key, bool english, string? argument = null)
    {
        var text = Resources.GetString(key, english ? English : Vietnamese) ?? key;
        return argument is null ? text : string.Format(CultureInfo.InvariantCulture, text, argument);
    }

    /// <summary>English when the request's Accept-Language starts with "en"; Vietnamese otherwise.</summary>
    public static bool WantsEnglish(HttpContext http) =>
        http.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
