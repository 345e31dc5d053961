using System.Text;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Domain;

/// <summary>The placeholders of reply templates: what the officer's text field receives for a report.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ReplyTemplateTextTests
{
    // 20/11/2026 17:00 in Vietnam is 10:00 UTC: the usual end-of-day deadline.
    private static readonly ReplyTemplateValues Report = new("HG-2026-000123", "Rác thải, vệ sinh môi trường",
        "đường 3 Tháng 2, Phường Vị Thanh", "UBND Phường Vị Thanh", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Every_placeholder_is_replaced_by_the_reports_value()
    {
        var text = ReplyTemplateText.Fill("Đã tiếp nhận phản ánh {mã} về {lĩnh vực} tại {địa chỉ}; {đơn vị} sẽ xử lý trước ngày {hạn}.", Report);

        Assert.Equal("Đã tiếp nhận phản ánh HG-2026-000123 về Rác thải, vệ sinh môi trường tại đường 3 Tháng 2, Phường Vị Thanh; "
            + "UBND Phường Vị Thanh sẽ xử lý trước ngày 20/11/2026.", text);
    }

    [Fact]
    public void The_deadline_is_the_vietnamese_date_even_when_it_is_still_the_day_before_in_utc()
    {
        // 21/11/2026 01:30 in Vietnam is 20/11/2026 18:30 UTC.
        var late = Report with { DueAtUtc = new DateTime(2026, 11, 20, 18, 30, 0, DateTimeKind.Utc) };

        Assert.Equal("Hạn: 21/11/2026", ReplyTemplateText.Fill("Hạn: {hạn}", late));
    }

    [Fact]
    public void A_placeholder_typed_with_decomposed_accents_is_still_filled_and_repeated_ones_all_are()
    {
        // Unikey's "decomposed" mode types "ã" as "a" + combining tilde.
        var typed = "Mã {mã}, nhắc lại {mã}; {hạn}".Normalize(NormalizationForm.FormD);

        var text = ReplyTemplateText.Fill(typed, Report);

        Assert.Equal("Mã HG-2026-000123, nhắc lại HG-2026-000123; 20/11/2026".Normalize(NormalizationForm.FormC), text);
    }

    [Fact]
    public void Words_in_braces_that_are_not_placeholders_are_named_so_a_typo_never_reaches_a_citizen()
    {
        Assert.Equal(["{ma}", "{han xu ly}"], ReplyTemplateText.UnknownPlaceholders("Phản ánh {ma} {mã} trước {han xu ly} {ma}"));
        Assert.Empty(ReplyTemplateText.UnknownPlaceholders("Phản ánh {mã} về {lĩnh vực} tại {địa chỉ}, {đơn vị}, {hạn}."));
    }

    [Theory]
    [InlineData("đường 3 Tháng 2", "Phường Vị Thanh", "đường 3 Tháng 2, Phường Vị Thanh")]
    [InlineData("hẻm 7, Phường Vị Thanh", "Phường Vị Thanh", "hẻm 7, Phường Vị Thanh")]
    [InlineData(null, "Xã Hỏa Lựu", "Xã Hỏa Lựu")]
    [InlineData("chợ Ngã Bảy", null, "chợ Ngã Bảy")]
    public void The_place_names_the_ward_once(string? address, string? area, string expected) =>
        Assert.Equal(expected, ReplyTemplateText.Place(address, area));
}
