using Bunit;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Components;

/// <summary>
/// MudBlazor's own words on the portal's pages — here a dashboard table's pager — are in the officer's language, not
/// MudBlazor's built-in English; and the table's cells name their column for a phone.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class MudTextsTests : PortalTestContext
{
    [Fact]
    public void A_dashboard_tables_pager_speaks_Vietnamese()
    {
        var cut = Render<GroupTable>(p => p.Add(c => c.Rows, Rows(12)).Add(c => c.Title, "Lĩnh vực"));

        Assert.Contains("1–10 trên 12", cut.Find(".mud-table-pagination-caption").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("button[aria-label='Trang sau']"));
        Assert.NotNull(cut.Find("button[aria-label='Trang cuối']"));
        Assert.Empty(cut.FindAll("button[aria-label='Next page']"));

        // On a phone a row's cells stack: each carries its column's name (MudBlazor shows it beside the number).
        Assert.Equal(10, cut.FindAll("td[data-label='Quá hạn']").Count);
        Assert.Equal(10, cut.FindAll("td[data-label='Lĩnh vực']").Count);
    }

    internal static List<GroupRow> Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new GroupRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Nhóm " + i, i, 0, i, null))];
}

/// <summary>The same pager for an officer who chose English.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class MudTextsInEnglishTests() : PortalTestContext("en-US")
{
    [Fact]
    public void A_dashboard_tables_pager_speaks_English()
    {
        var cut = Render<GroupTable>(p => p.Add(c => c.Rows, MudTextsTests.Rows(12)).Add(c => c.Title, "Category"));

        Assert.Contains("1–10 of 12", cut.Find(".mud-table-pagination-caption").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("button[aria-label='Next page']"));
    }
}
