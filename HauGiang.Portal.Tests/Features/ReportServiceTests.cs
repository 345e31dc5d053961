using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features;

/// <summary>The handling service against the real database: scope, no lost updates, one transaction per action.</summary>
[Trait(Tier.Key, Tier.App)]
public class ReportServiceTests(PortalApp app) : IClassFixture<PortalApp>
{
    private ReportService Service => app.Services.GetRequiredService<ReportService>();

    private ReportActions Actions => app.Services.GetRequiredService<ReportActions>();

    [Fact]
    public async Task An_officer_of_another_unit_can_neither_read_nor_act_on_a_report()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var ngaBay = await app.UserAsync("canbo.ngabay@haugiang.demo");

        Assert.Null(await Service.GetAsync(ngaBay, report.Code, english: false));
        var result = await Actions.ExecuteAsync(ngaBay, report.Id, new ActionRequest(ReportAction.Accept, report.Version));
        Assert.Equal(ActionOutcome.NotFound, result.Outcome);
        Assert.Equal(ReportState.New, (await app.ReloadAsync(report.Id)).State);

        var queue = app.Services.GetRequiredService<ReportQueryService>();
        var page = await queue.GetPageAsync(ngaBay, new ReportFilter { Tab = QueueTab.All, Text = report.Code }, null, english: false);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Two_officers_acting_at_once_the_second_is_told_and_nothing_is_overwritten()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var an = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var mai = await app.UserAsync("canbo2.vithanh@haugiang.demo");

        // Both saw version v; An rejects first, then Mai tries to accept from the same version.
        var first = await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Reject, report.Version) { RejectReason = RejectReason.Spam, Text = "Tin quảng cáo" });
        var second = await Actions.ExecuteAsync(mai, report.Id, new ActionRequest(ReportAction.Accept, report.Version));

        Assert.Equal(ActionOutcome.Done, first.Outcome);
        Assert.Equal(ActionOutcome.Conflict, second.Outcome);
        Assert.Equal("Nguyễn Văn An", second.Argument);
        var now = await app.ReloadAsync(report.Id);
        Assert.Equal(ReportState.Rejected, now.State);
        Assert.DoesNotContain(now.Events, e => e.Type == ReportEventType.Accepted);
    }

    [Fact]
    public async Task Concurrent_actions_from_the_same_version_commit_exactly_one()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var an = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var mai = await app.UserAsync("canbo2.vithanh@haugiang.demo");

        var results = await Task.WhenAll(
            Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.AddNote, report.Version) { Text = "Ghi chú của An" }),
            Actions.ExecuteAsync(mai, report.Id, new ActionRequest(ReportAction.AddNote, report.Version) { Text = "Ghi chú của Mai" }));

        Assert.Single(results, r => r.Outcome == ActionOutcome.Done);
        Assert.Single(results, r => r.Outcome == ActionOutcome.Conflict);
        var now = await app.ReloadAsync(report.Id);
        Assert.Single(now.Events, e => e.Type == ReportEventType.Note);
        Assert.Equal(report.Version + 1, now.Version);
    }

    [Fact]
    public async Task A_refused_or_invalid_action_leaves_the_report_timeline_and_audit_as_they_were()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var an = await app.UserAsync("canbo.vithanh@haugiang.demo");
        await using var db = app.CreateDbContext();
        var auditBefore = await db.AuditEntries.CountAsync(a => a.EntityId == report.Code);

        Assert.Equal(ActionOutcome.Refused, (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Close, report.Version))).Outcome);
        Assert.Equal(ActionOutcome.Invalid, (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Reply, report.Version) { Text = "   " })).Outcome);
        Assert.Equal(ActionOutcome.Invalid, (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Assign, report.Version) { OfficerId = (await app.UserAsync("canbo.ngabay@haugiang.demo")).Id })).Outcome);

        Assert.Equal("Action.TextTooLong", (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Reject, report.Version) { RejectReason = RejectReason.Spam, Text = new string('x', 4001) })).MessageKey);
        Assert.Equal(ActionOutcome.Invalid, (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Transfer, report.Version) { UnitId = report.UnitId, Text = "x" })).Outcome);

        // An extension needs an accepted report; accept, then try a date in the past and zero days.
        Assert.True((await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);
        var accepted = await app.ReloadAsync(report.Id);
        var past = DateOnly.FromDateTime(WorkingCalendar.ToLocal(app.Now).AddDays(-2));
        Assert.Equal("Action.DateAfterDeadline", (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.RequestExtension, accepted.Version) { NewDueDate = past, Text = "x" })).MessageKey);
        Assert.Equal("Action.ExtraDaysRange", (await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.RequestExtension, accepted.Version) { ExtraWorkingDays = 0, Text = "x" })).MessageKey);

        var now = await app.ReloadAsync(report.Id);
        Assert.Equal((ReportState.InProgress, accepted.Version, 2), (now.State, now.Version, now.Events.Count));
        Assert.Null(now.ExtensionRequestedUntil);
        auditBefore++; // the accept
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync(a => a.EntityId == report.Code));
    }

    [Fact]
    public async Task Each_action_writes_its_event_and_one_audit_entry_with_before_and_after()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var an = await app.UserAsync("canbo.vithanh@haugiang.demo");
        Assert.True((await Actions.ExecuteAsync(an, report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == report.Code);
        Assert.Equal("report.accept", audit.Action);
        Assert.Contains("state=New", audit.Before, StringComparison.Ordinal);
        Assert.Contains("state=InProgress", audit.After, StringComparison.Ordinal);
        Assert.Equal(ReportEventType.Accepted, (await app.ReloadAsync(report.Id)).Events.OrderBy(e => e.Id).Last().Type);
    }

    [Fact]
    public async Task Only_a_coordinator_can_reveal_the_reporter_and_the_reveal_is_recorded()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        var admin = await app.UserAsync("admin@haugiang.demo");

        Assert.Null(await Service.RevealContactAsync(officer, report.Id, "muốn gọi lại"));
        Assert.Null(await Service.RevealContactAsync(admin, report.Id, "kiểm tra hệ thống")); // admins keep the system, not reports
        Assert.False((await Service.GetAsync(admin, report.Code, english: false))!.CanRevealContact);
        var contact = await Service.RevealContactAsync(coordinator, report.Id, "Cần xác minh thêm vị trí");
        Assert.Equal("0912345678", contact?.Phone);

        var now = await app.ReloadAsync(report.Id);
        Assert.Single(now.Events, e => e.Type == ReportEventType.ContactRevealed && e.Note == "Cần xác minh thêm vị trí");
        await using var db = app.CreateDbContext();
        Assert.Single(await db.AuditEntries.Where(a => a.EntityId == report.Code && a.Action == "report.reveal-contact").ToListAsync());
    }

    [Fact]
    public async Task Duplicate_candidates_are_same_category_within_200_m_and_in_scope()
    {
        var original = await app.CreateReportAsync("UBND-31321", lat: 9.78300, lon: 105.46700);
        var near = await app.CreateReportAsync("UBND-31321", lat: 9.78350, lon: 105.46720);     // ~60 m
        var far = await app.CreateReportAsync("UBND-31321", lat: 9.78700, lon: 105.46700);      // ~440 m
        var other = await app.CreateReportAsync("UBND-31321", "tieng-on", lat: 9.78310, lon: 105.46700);
        var an = await app.UserAsync("canbo.vithanh@haugiang.demo");

        var candidates = await Service.GetDuplicateCandidatesAsync(an, near.Id);
        Assert.Contains(candidates, c => c.Id == original.Id);
        Assert.DoesNotContain(candidates, c => c.Id == far.Id || c.Id == other.Id || c.Id == near.Id);

        var result = await Actions.ExecuteAsync(an, near.Id, new ActionRequest(ReportAction.MarkDuplicate, near.Version) { OriginalId = original.Id });
        Assert.True(result.Succeeded);
        var now = await app.ReloadAsync(near.Id);
        Assert.Equal((ReportState.Rejected, (long?)original.Id, (RejectReason?)RejectReason.Duplicate), (now.State, now.DuplicateOfId, now.RejectReason));
    }
}
