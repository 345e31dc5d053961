using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Tests.Features;

/// <summary>The queue's free-text filter against the real SQLite database and its full-text index.</summary>
[Trait(Tier.Key, Tier.App)]
public class QueueSearchTests(PortalApp app) : IClassFixture<PortalApp>
{
    private ReportQueryService Queue => app.Services.GetRequiredService<ReportQueryService>();

    [Fact]
    public async Task Words_typed_without_accents_or_unfinished_find_the_report_and_only_in_scope()
    {
        var report = await app.CreateReportAsync("UBND-31321", description: "Cống ngầm bị nghẹt ở hẻm 7 Trần Hưng Đạo, nước tràn vào nhà dân.");
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var ngaBay = await app.UserAsync("canbo.ngabay@haugiang.demo");

        foreach (var text in new[] { "cong ngam bi nghet", "Cống ngầm", "hẻm 7 TRẦN HƯNG Đ", "tran hung dao, nuoc tra", report.Code })
        {
            var rows = await PageAsync(officer, text);
            Assert.Contains(rows, r => r.Id == report.Id);
        }

        Assert.Empty(await PageAsync(officer, "cong ngam bi nghet o hem 8"));
        Assert.Empty(await PageAsync(ngaBay, "cong ngam bi nghet"));
    }

    [Fact]
    public async Task Text_that_matches_nothing_or_only_punctuation_shows_an_empty_queue_and_zero_counts()
    {
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        foreach (var text in new[] { "không có chữ này zzq", "!!! ---" })
        {
            Assert.Empty(await PageAsync(coordinator, text));
            Assert.Equal(0, (await Queue.GetCountsAsync(coordinator, new ReportFilter { Text = text })).All);
        }
    }

    /// <summary>
    /// The index (few matches, and every count) and the scan (many matches, or SQL Server) must give the same rows,
    /// or the queue would show a different list than its tab counts.
    /// </summary>
    [Theory]
    [InlineData("rác")]
    [InlineData("via he")]
    [InlineData("vi tha")]
    [InlineData("duong 3 thang")]
    [InlineData("nuoc")]
    [InlineData("HG 2026")]
    public async Task The_index_and_the_scan_find_the_same_reports_and_the_counts_agree(string text)
    {
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        var filter = new ReportFilter { Tab = QueueTab.All, Text = text };
        await using var db = app.CreateDbContext();

        var scanned = await ReportQuery.Filtered(db, coordinator, filter, TextMatch.Scan(text)).Select(r => r.Id).OrderBy(id => id).ToListAsync();
        var indexed = await ReportQuery.Filtered(db, coordinator, filter, TextMatch.Scan(text).ForCounting(narrowScope: false)).Select(r => r.Id).OrderBy(id => id).ToListAsync();
        var walked = await ReportQuery.Filtered(db, coordinator, filter, TextMatch.Scan(text).ForCounting(narrowScope: true)).Select(r => r.Id).OrderBy(id => id).ToListAsync();
        var found = await ReportQuery.Filtered(db, coordinator, filter, await TextMatch.FindAsync(db, text, default)).Select(r => r.Id).OrderBy(id => id).ToListAsync();

        Assert.NotEmpty(scanned);
        Assert.Equal(scanned, indexed);
        Assert.Equal(scanned, walked);
        Assert.Equal(scanned, found);
        Assert.Equal(scanned.Count, (await Queue.GetCountsAsync(coordinator, filter)).All);

        // Page by page as the exports read them (pages of 1,000, keyset): no row lost or repeated at a page's edge.
        var paged = new List<long>();
        QueueCursor? cursor = null;
        do
        {
            var page = await Queue.GetPageAsync(coordinator, filter, cursor, english: false, pageSize: 1000, fullText: true);
            paged.AddRange(page.Rows.Select(r => r.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(scanned, paged.Order().ToList());
    }

    [Fact]
    public async Task The_full_text_index_follows_a_changed_description()
    {
        var report = await app.CreateReportAsync("UBND-31321", description: "Cây xanh gãy đổ chắn lối đi.");
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Reports.SingleAsync(r => r.Id == report.Id);
            stored.Description = "Trụ điện nghiêng sát mái nhà.";
            await db.SaveChangesAsync();
        }

        Assert.Contains(await PageAsync(officer, "tru dien nghieng"), r => r.Id == report.Id);
        Assert.DoesNotContain(await PageAsync(officer, "cay xanh gay do chan"), r => r.Id == report.Id);
    }

    private async Task<IReadOnlyList<QueueRow>> PageAsync(Security.PortalUser user, string text) =>
        (await Queue.GetPageAsync(user, new ReportFilter { Tab = QueueTab.All, Text = text }, null, english: false)).Rows;
}
