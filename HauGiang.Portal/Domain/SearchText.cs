using System.Globalization;
using System.Text;

namespace HauGiang.Portal.Domain;

/// <summary>
/// The folded form of a report's text that the queue searches: lower case, Vietnamese accents removed (đ → d),
/// every run of other characters a single space, with a space in front. So an officer typing "via he" finds
/// "Vỉa hè", and a search means "these words, in this order, the last one possibly unfinished" — which is what both
/// the full-text index (SQLite FTS5) and a plain <c>LIKE '% via he%'</c> over this column answer alike.
/// </summary>
public static class SearchText
{
    /// <summary>What a report is found by: its code, description and address.</summary>
    public static string Of(string code, string description, string? address) => " " + Fold(code + " " + description + " " + address);

    /// <summary>"Lấn chiếm VỈA HÈ!" → "lan chiem via he" (no leading space).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                space = false;
                folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return folded.ToString();
    }
}
