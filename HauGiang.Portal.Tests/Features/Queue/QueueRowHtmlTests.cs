using AngleSharp.Html.Parser;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Queue;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Tests.Features.Queue;

/// <summary>A queue row written once as HTML: citizens' text stays text, and open pages share one string per row.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class QueueRowHtmlTests : PortalTestContext
{
    private static readonly DateTime Now = new(2026, 11, 18, 3, 0, 0, DateTimeKind.Utc); // Wed 10:00 in Vietnam; the row is due Fri 17:00

    private IStringLocalizer L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    private static QueueRow Row(string description, string category = "Rác thải", string color = "#2e7d32") => new(
        7, "HG-2026-000007", category, color, description, "Phường Vị Thanh", Now.AddHours(-2), Now.AddDays(2).AddHours(7),
        ReportState.New, false, ReportPriority.Normal, null, 1);

    [Fact]
    public void A_description_with_markup_is_shown_as_the_citizen_typed_it_and_runs_nothing()
    {
        var typed = "Rác <img src=x onerror=alert(1)> \"ngay\" cổng chợ & <script>alert(2)</script>";
        var html = QueueRowHtml.Cells(Row(typed, category: "Đèn <b>", color: "red\" onmouseover=\"alert(3)"), Now, L).Value;

        var doc = new HtmlParser().ParseDocument("<table><tr>" + html + "</tr></table>");
        Assert.Empty(doc.QuerySelectorAll("img, script, b"));
        Assert.All(doc.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Equal(typed, doc.QuerySelector("td.hg-desc")!.TextContent);
        Assert.Equal(typed, doc.QuerySelector("[data-testid=report-link]")!.GetAttribute("title"));
        Assert.Contains("Đèn <b>", doc.QuerySelector(".hg-category")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cổng chợ", html, StringComparison.Ordinal); // Vietnamese letters stay letters, not entities
    }

    [Fact]
    public void Each_cell_is_labelled_for_a_phone_and_the_row_links_to_its_report()
    {
        var doc = new HtmlParser().ParseDocument("<table><tr>" + QueueRowHtml.Cells(Row("Cống nghẹt"), Now, L).Value + "</tr></table>");
        var labels = doc.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")).ToList();
        Assert.Equal(["Mã", "Lĩnh vực", "Nội dung", "Địa bàn", "Tiếp nhận lúc", "Hạn xử lý", "Trạng thái", "Cán bộ xử lý"], labels);
        Assert.Equal("/reports/HG-2026-000007", doc.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Còn 2 ngày", doc.QuerySelector("[data-testid=deadline]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_showing_the_same_row_share_one_string_until_its_countdown_changes()
    {
        var row = Row("Cống nghẹt");
        var first = QueueRowHtml.Cells(row, Now, L).Value;
        Assert.Same(first, QueueRowHtml.Cells(row, Now.AddMinutes(5), L).Value);

        var overdue = QueueRowHtml.Cells(row, Now.AddDays(3), L).Value;
        Assert.NotSame(first, overdue);
        Assert.Contains("overdue", overdue, StringComparison.Ordinal);
    }
}
