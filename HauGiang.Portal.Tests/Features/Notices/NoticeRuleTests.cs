using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Notices;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Notices;

/// <summary>Who hears of what: scope exactly as the queue has it, and only work that is new to the user.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class NoticeRuleTests
{
    private const int ViThanh = 1;
    private const int NgaBay = 2;
    private const int Province = 9;
    private static readonly DateTime At = new(2026, 11, 18, 3, 0, 0, DateTimeKind.Utc);

    private static readonly PortalUser ViThanhOfficer = User("an", Roles.Officer, ViThanh);
    private static readonly PortalUser ViThanhOfficer2 = User("binh", Roles.Officer, ViThanh);
    private static readonly PortalUser ViThanhHead = User("lanh-dao", Roles.DepartmentHead, ViThanh);
    private static readonly PortalUser NgaBayOfficer = User("cuong", Roles.Officer, NgaBay);
    private static readonly PortalUser Coordinator = User("dieu-phoi", Roles.Coordinator, Province);
    private static readonly PortalUser Admin = User("quan-tri", Roles.Admin, Province);

    [Fact]
    public void A_new_report_is_news_to_its_unit_and_to_nobody_else()
    {
        var change = New(ViThanh);
        Assert.Equal(NoticeKind.New, NoticeRule.For(ViThanhOfficer, change));
        Assert.Equal(NoticeKind.New, NoticeRule.For(ViThanhHead, change));
        Assert.Null(NoticeRule.For(NgaBayOfficer, change));
        Assert.Null(NoticeRule.For(Coordinator, change)); // routed: the coordinators have nothing to do
        Assert.Null(NoticeRule.For(Admin, change));
    }

    [Fact]
    public void A_transfer_is_news_to_the_unit_it_reaches_not_to_the_one_it_leaves()
    {
        var change = Changed(NgaBay, previousUnit: ViThanh, "transfer", actor: "an");
        Assert.Equal(NoticeKind.Transferred, NoticeRule.For(NgaBayOfficer, change));
        Assert.Null(NoticeRule.For(ViThanhOfficer2, change));
        Assert.Null(NoticeRule.For(ViThanhHead, change));
    }

    [Fact]
    public void Escalation_and_routing_by_the_coordinators_bring_a_report_to_a_unit()
    {
        Assert.Equal(NoticeKind.Escalated, NoticeRule.For(ViThanhHead, Changed(ViThanh, previousUnit: NgaBay, "escalate", actor: "cuong")));
        Assert.Equal(NoticeKind.Transferred, NoticeRule.For(ViThanhOfficer, Changed(ViThanh, previousUnit: null, "route", actor: "dieu-phoi")));
    }

    [Fact]
    public void An_assignment_is_news_only_to_the_officer_assigned()
    {
        var change = Changed(ViThanh, ViThanh, "assign", actor: "lanh-dao", assignee: "user-binh");
        Assert.Equal(NoticeKind.Assigned, NoticeRule.For(ViThanhOfficer2, change));
        Assert.Null(NoticeRule.For(ViThanhOfficer, change));
        Assert.Null(NoticeRule.For(NgaBayOfficer, change));
    }

    [Fact]
    public void A_citizen_reopening_tells_the_officer_in_charge_and_the_heads_or_the_whole_unit_if_nobody_is_in_charge()
    {
        var assigned = Changed(ViThanh, ViThanh, "rate-reopen", actor: null, assignee: "user-binh");
        Assert.Equal(NoticeKind.Reopened, NoticeRule.For(ViThanhOfficer2, assigned));
        Assert.Equal(NoticeKind.Reopened, NoticeRule.For(ViThanhHead, assigned));
        Assert.Null(NoticeRule.For(ViThanhOfficer, assigned));

        var unassigned = Changed(ViThanh, ViThanh, "rate-reopen", actor: null);
        Assert.Equal(NoticeKind.Reopened, NoticeRule.For(ViThanhOfficer, unassigned));
        Assert.Null(NoticeRule.For(NgaBayOfficer, unassigned));
    }

    [Fact]
    public void Nobody_hears_of_their_own_action_nor_of_ordinary_handling()
    {
        Assert.Null(NoticeRule.For(ViThanhOfficer2, Changed(ViThanh, ViThanh, "assign", actor: "user-binh", assignee: "user-binh")));
        Assert.Null(NoticeRule.For(ViThanhHead, Changed(ViThanh, ViThanh, "reopen", actor: "user-lanh-dao")));
        Assert.Null(NoticeRule.For(ViThanhOfficer, Changed(ViThanh, ViThanh, "accept", actor: "user-binh")));
        Assert.Null(NoticeRule.For(ViThanhOfficer, Changed(ViThanh, ViThanh, "reply", actor: "user-binh")));
    }

    [Fact]
    public void Coordinators_hear_of_what_waits_for_them_unroutable_new_reports_and_returned_ones()
    {
        Assert.Equal(NoticeKind.NeedsRouting, NoticeRule.For(Coordinator, New(unit: null)));
        Assert.Equal(NoticeKind.Returned, NoticeRule.For(Admin, Changed(null, previousUnit: ViThanh, "return", actor: "user-an")));
        Assert.Null(NoticeRule.For(ViThanhOfficer, New(unit: null)));
        Assert.Null(NoticeRule.For(ViThanhOfficer2, Changed(null, previousUnit: ViThanh, "return", actor: "user-an")));
        Assert.Null(NoticeRule.For(Coordinator, Changed(ViThanh, ViThanh, "accept", actor: "user-an")));
    }

    [Fact]
    public void A_user_without_a_unit_who_is_not_province_wide_hears_nothing()
    {
        var lost = User("lac", Roles.Officer, unit: null);
        Assert.Null(NoticeRule.For(lost, New(unit: null)));
        Assert.Null(NoticeRule.For(lost, New(ViThanh)));
    }

    private static PortalUser User(string name, string role, int? unit) => new("user-" + name, name, new HashSet<string> { role }, unit, null, null);

    private static ReportChange New(int? unit) => new(1, "HG-2026-000001", unit, null, ReportState.New, 1, IsNew: true, null, "Người dân", At);

    private static ReportChange Changed(int? unit, int? previousUnit, string action, string? actor, string? assignee = null) =>
        new(1, "HG-2026-000001", unit, previousUnit, ReportState.InProgress, 2, IsNew: false, actor is null ? null : actor.StartsWith("user-", StringComparison.Ordinal) ? actor : "user-" + actor, actor ?? "Người dân", At, action, assignee);
}
