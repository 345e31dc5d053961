using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Domain;

[Trait(Tier.Key, Tier.Fast)]
public class SearchTextTests
{
    [Theory]
    [InlineData("Lấn chiếm VỈA HÈ!", "lan chiem via he")]
    [InlineData("Đèn đường hỏng, đường 3/2", "den duong hong duong 3 2")]
    [InlineData("  Phường   Vị Thanh — hẻm 7 ", "phuong vi thanh hem 7")]
    [InlineData("HG-2026-000123", "hg 2026 000123")]
    [InlineData("!!! ... ", "")]
    [InlineData(null, "")]
    public void Folding_drops_case_accents_and_punctuation(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void A_report_is_found_by_its_code_description_and_address_with_a_leading_space()
    {
        Assert.Equal(" hg 2026 000001 ngap nuoc duong 30 4", SearchText.Of("HG-2026-000001", "Ngập nước", "đường 30/4"));
        Assert.Equal(" hg 2026 000001 ngap nuoc", SearchText.Of("HG-2026-000001", "Ngập nước", null));
    }
}
