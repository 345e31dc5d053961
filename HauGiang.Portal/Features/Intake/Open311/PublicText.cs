using System.Text.RegularExpressions;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// What the public sees of a report's text through Open311: phone numbers and e-mail addresses that citizens type
/// into a description ("gọi 0912 345 678") are masked — the reporter's contact is never public, wherever it was
/// written. Officers' pages keep the original text.
/// </summary>
public static partial class PublicText
{
    public static string Mask(string? text, bool english)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = Email().Replace(text, IntakeText.Get("Open311.MaskedEmail", english));
        return Phone().Replace(masked, IntakeText.Get("Open311.MaskedPhone", english));
    }

    /// <summary>Vietnamese numbers: 0 or +84 / 84, then 8–10 more digits, with spaces, dots or dashes between.</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
