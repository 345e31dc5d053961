using System.Globalization;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// The extra questions some categories ask (Open311 service definitions). They are part of the intake contract
/// with the citizen app, so they live in code; the answers go into the first line of the report's timeline.
/// </summary>
public static class ServiceAttributes
{
    private static readonly IReadOnlyList<(string, string, string)> YesNo = [("co", "Có", "Yes"), ("khong", "Không", "No")];

    private static readonly Dictionary<string, IReadOnlyList<ServiceAttribute>> ByCategory = new(StringComparer.Ordinal)
    {
        ["ngap-nuoc"] =
        [
            new("muc_ngap", "singlevaluelist", false, 1, "Mức nước ngập", "Water depth",
                [("duoi-20cm", "Dưới 20 cm", "Under 20 cm"), ("20-50cm", "Từ 20 đến 50 cm", "20 to 50 cm"), ("tren-50cm", "Trên 50 cm", "Over 50 cm")]),
            new("xe_qua_duoc", "singlevaluelist", false, 2, "Xe máy còn đi qua được không?", "Can motorbikes still pass?", YesNo),
        ],
        ["den-chieu-sang"] =
        [
            new("so_bong_hu", "number", false, 1, "Số bóng đèn không sáng", "Number of lights out", []),
        ],
        ["cay-xanh"] =
        [
            new("chan_duong", "singlevaluelist", true, 1, "Cây có đang chắn đường không?", "Is the tree blocking the road?", YesNo),
        ],
        ["dien-nguy-hiem"] =
        [
            new("day_dien_dut", "singlevaluelist", true, 1, "Có dây điện bị đứt, rơi xuống đất không?", "Is a wire broken or on the ground?", YesNo),
        ],
    };

    public static IReadOnlyList<ServiceAttribute> For(string categoryCode) => ByCategory.GetValueOrDefault(categoryCode) ?? [];

    /// <summary>
    /// Checks the answers (form fields <c>attribute[code]</c>, several for a multivaluelist) and returns them as a
    /// line of text, or the resource key of the first problem and the attribute code.
    /// </summary>
    public static (string? Details, string? ErrorKey, string? Code) Validate(string categoryCode, Func<string, IReadOnlyList<string>> answers)
    {
        var lines = new List<string>();
        foreach (var a in For(categoryCode).OrderBy(a => a.Order))
        {
            var given = answers(a.Code).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (given.Count == 0)
            {
                if (a.Required)
                {
                    return (null, "Intake.AttributeRequired", a.Code);
                }

                continue;
            }

            string text;
            switch (a.Datatype)
            {
                case "number":
                    // Clients such as FixMyStreet do not check a number client-side: refusing "3 bóng" would fail the
                    // send on every retry, forever. The citizen's words are kept, marked as not a number.
                    text = given.Count == 1 && double.TryParse(given[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                        ? n.ToString(CultureInfo.InvariantCulture)
                        : IntakeText.Get("Intake.AttributeNotNumber", english: false, Clip(string.Join(", ", given)));
                    break;
                case "singlevaluelist" or "multivaluelist":
                    if ((a.Datatype == "singlevaluelist" && given.Count > 1) || given.Any(v => a.Values.All(x => x.Key != v)))
                    {
                        return (null, "Intake.AttributeInvalid", a.Code);
                    }

                    text = string.Join(", ", given.Select(v => a.Values.First(x => x.Key == v).NameVi));
                    break;
                default:
                    text = string.Join(", ", given.Select(Clip));
                    break;
            }

            lines.Add($"{a.DescriptionVi.TrimEnd('?')}: {text}");
        }

        return (lines.Count == 0 ? null : string.Join("; ", lines), null, null);
    }

    private static string Clip(string v) => v.Length > 500 ? v[..500] : v;
}
