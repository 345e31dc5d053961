using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HauGiang.Portal.Domain;

/// <summary>
/// The placeholders of reply templates and how they are filled: {mã}, {lĩnh vực}, {địa chỉ}, {đơn vị}, {hạn}.
/// Written in Vietnamese because officers type them; matched in NFC form, so a name typed with a keyboard that
/// composes accents differently (Unikey's decomposed mode) still matches.
/// </summary>
public static partial class ReplyTemplateText
{
    public const string Code = "{mã}";
    public const string Category = "{lĩnh vực}";
    public const string Address = "{địa chỉ}";
    public const string Unit = "{đơn vị}";
    public const string Due = "{hạn}";

    public static readonly IReadOnlyList<string> Placeholders = [Code, Category, Address, Unit, Due];

    /// <summary>The template's text with each placeholder replaced by the report's value.</summary>
    public static string Fill(string template, ReplyTemplateValues values)
    {
        var text = new StringBuilder(template.Normalize(NormalizationForm.FormC));
        text.Replace(Code, values.Code)
            .Replace(Category, values.Category)
            .Replace(Address, values.Address)
            .Replace(Unit, values.Unit)
            .Replace(Due, WorkingCalendar.ToLocal(values.DueAtUtc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// Words in braces that are not placeholders ("{ma}", "{han xu ly}"): almost always a typo that would reach a
    /// citizen as written, so a template with one is not saved.
    /// </summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        Braced().Matches(template.Normalize(NormalizationForm.FormC)).Select(m => m.Value)
            .Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    /// <summary>The place as citizens say it: the address, then the ward when the address does not name it already.</summary>
    public static string Place(string? address, string? areaName) =>
        string.IsNullOrWhiteSpace(address) ? areaName ?? ""
        : string.IsNullOrWhiteSpace(areaName) || address.Contains(areaName, StringComparison.OrdinalIgnoreCase) ? address.Trim()
        : $"{address.Trim()}, {areaName}";

    [GeneratedRegex(@"\{[^{}\r\n]{1,30}\}")]
    private static partial Regex Braced();
}
