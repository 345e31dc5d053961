using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Domain;

/// <summary>The state machine, table-driven: every action from every state for every role, allowed or refused.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ReportWorkflowTests
{
    private const ActingRole O = ActingRole.UnitOfficer;
    private const ActingRole H = ActingRole.UnitHead;
    private const ActingRole C = ActingRole.Coordinator;

    private static readonly ReportState[] AllStates = Enum.GetValues<ReportState>();

    // action, the states it is allowed from, the roles allowed, the state it leads to (null = unchanged)
    public static readonly TheoryData<ReportAction, ReportState[], ActingRole[], ReportState?> Table = new()
    {
        { ReportAction.Accept, [ReportState.New], [O, H, C], ReportState.InProgress },
        { ReportAction.Assign, [ReportState.New, ReportState.InProgress], [O, H, C], ReportState.InProgress },
        { ReportAction.AddNote, AllStates, [O, H, C], null },
        { ReportAction.PublicUpdate, [ReportState.New, ReportState.InProgress], [O, H, C], null },
        { ReportAction.Reply, [ReportState.New, ReportState.InProgress], [O, H, C], ReportState.Resolved },
        { ReportAction.Transfer, [ReportState.New, ReportState.InProgress], [O, H, C], ReportState.New },
        { ReportAction.Return, [ReportState.New, ReportState.InProgress], [O, H], ReportState.New },
        { ReportAction.Reject, [ReportState.New, ReportState.InProgress], [O, H, C], ReportState.Rejected },
        { ReportAction.MarkDuplicate, [ReportState.New, ReportState.InProgress], [O, H, C], ReportState.Rejected },
        { ReportAction.RequestExtension, [ReportState.InProgress], [O, H], null },
        { ReportAction.Escalate, [ReportState.New, ReportState.InProgress], [O, H], ReportState.New },
        { ReportAction.Reopen, [ReportState.Resolved, ReportState.Closed, ReportState.Rejected], [H, C], ReportState.InProgress },
        { ReportAction.SetVisibility, [ReportState.Resolved, ReportState.Closed], [O, H, C], null },
        { ReportAction.Close, [ReportState.Resolved], [H, C], ReportState.Closed },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_action_is_allowed_exactly_from_its_states_and_for_its_roles(ReportAction action, ReportState[] from, ActingRole[] by, ReportState? to)
    {
        foreach (var state in AllStates)
        {
            foreach (var role in Enum.GetValues<ActingRole>())
            {
                var report = new Report { State = state, UnitId = 7 };
                var expected = from.Contains(state) && by.Contains(role);
                Assert.True(expected == ReportWorkflow.IsAllowed(action, report, role), $"{action} from {state} by {role}: expected {(expected ? "allowed" : "refused")}");
                if (expected)
                {
                    Assert.Equal(to ?? state, ReportWorkflow.TargetState(action, state));
                }
                else
                {
                    Assert.Throws<WorkflowException>(() => ReportWorkflow.Check(action, report, role));
                }
            }
        }
    }

    [Fact]
    public void Extension_decisions_need_a_pending_request_and_a_head()
    {
        var report = new Report { State = ReportState.InProgress, UnitId = 7 };
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.ApproveExtension, report, H));
        report.ExtensionRequestedUntil = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        Assert.True(ReportWorkflow.IsAllowed(ReportAction.ApproveExtension, report, H));
        Assert.True(ReportWorkflow.IsAllowed(ReportAction.RefuseExtension, report, C));
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.ApproveExtension, report, O));
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.RequestExtension, report, O)); // one request at a time
    }

    [Fact]
    public void A_report_without_a_unit_can_only_be_routed_by_coordinators_not_accepted()
    {
        var report = new Report { State = ReportState.New, UnitId = null };
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.Accept, report, C));
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.Reply, report, C));
        Assert.True(ReportWorkflow.IsAllowed(ReportAction.Route, report, C));
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.Route, report, O));
        report.UnitId = 3;
        Assert.False(ReportWorkflow.IsAllowed(ReportAction.Route, report, C));
    }
}

[Trait(Tier.Key, Tier.Fast)]
public class ReportHandlingTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Officer = new("u1", "Nguyễn Văn An", ActingRole.UnitOfficer);
    private static readonly Actor Head = new("u2", "Võ Minh Tâm", ActingRole.UnitHead);

    private static Report NewReport()
    {
        var r = new Report { Id = 1, Code = "HG-2026-000001", DueAt = T0.AddDays(3) };
        ReportHandling.Receive(r, T0, 5);
        return r;
    }

    [Fact]
    public void A_full_handling_leaves_a_timeline_in_order_with_states_chained()
    {
        var r = NewReport();
        ReportHandling.Accept(r, Officer, T0.AddHours(1));
        ReportHandling.Assign(r, Officer, T0.AddHours(2), "u3", "Huỳnh Thị Mai");
        ReportHandling.AddNote(r, Officer, T0.AddHours(3), "Đã kiểm tra hiện trường");
        ReportHandling.Reply(r, Officer, T0.AddHours(5), "Đã dọn dẹp xong.");

        Assert.Equal(ReportState.Resolved, r.State);
        Assert.Equal("u3", r.AssignedOfficerId);
        Assert.Equal(T0.AddHours(1), r.FirstActionAt);
        Assert.Equal(T0.AddHours(5), r.ResolvedAt);
        Assert.Equal(
            [ReportEventType.Received, ReportEventType.Accepted, ReportEventType.Assigned, ReportEventType.Note, ReportEventType.Replied],
            r.Events.Select(e => e.Type));
        for (var i = 1; i < r.Events.Count; i++)
        {
            Assert.Equal(r.Events[i - 1].ToState, r.Events[i].FromState);
        }

        Assert.Equal(EventVisibility.Internal, r.Events[3].Visibility);
        Assert.Equal(EventVisibility.Public, r.Events[4].Visibility);
    }

    [Fact]
    public void A_refused_action_changes_nothing()
    {
        var r = NewReport();
        var before = (r.State, r.UnitId, r.Events.Count);
        Assert.Throws<WorkflowException>(() => ReportHandling.Close(r, Head, T0.AddHours(1)));
        Assert.Throws<ArgumentException>(() => ReportHandling.Reply(r, Officer, T0.AddHours(1), "  "));
        Assert.Equal(before, (r.State, r.UnitId, r.Events.Count));
    }

    [Fact]
    public void Transfer_moves_the_report_to_the_new_unit_as_new_and_clears_the_assignee()
    {
        var r = NewReport();
        ReportHandling.Assign(r, Officer, T0.AddHours(1), "u3", "Huỳnh Thị Mai");
        var e = ReportHandling.Transfer(r, Officer, T0.AddHours(2), 9, "Thuộc lĩnh vực điện lực");
        Assert.Equal((ReportState.New, 9, (string?)null), (r.State, r.UnitId, r.AssignedOfficerId));
        Assert.Equal((5, 9), (e.FromUnitId!.Value, e.ToUnitId!.Value));
        Assert.Throws<ArgumentException>(() => ReportHandling.Transfer(r, Officer, T0.AddHours(3), 9, "again"));
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_a_refused_one_does_not()
    {
        var r = NewReport();
        ReportHandling.Accept(r, Officer, T0.AddHours(1));
        var asked = r.DueAt.AddDays(4);
        Assert.Throws<ArgumentException>(() => ReportHandling.RequestExtension(r, Officer, T0.AddHours(2), r.DueAt.AddDays(-1), "x"));
        ReportHandling.RequestExtension(r, Officer, T0.AddHours(2), asked, "Chờ vật tư thay thế");
        Assert.True(r.ExtensionPending);
        ReportHandling.ApproveExtension(r, Head, T0.AddHours(3), null);
        Assert.Equal(asked, r.DueAt);
        Assert.False(r.ExtensionPending);

        var due = r.DueAt;
        ReportHandling.RequestExtension(r, Officer, T0.AddHours(4), due.AddDays(2), "Mưa lớn kéo dài");
        ReportHandling.RefuseExtension(r, Head, T0.AddHours(5), "Không đủ lý do");
        Assert.Equal(due, r.DueAt);
    }

    [Fact]
    public void Reopen_clears_the_outcome_and_sets_a_new_deadline()
    {
        var r = NewReport();
        ReportHandling.Reject(r, Officer, T0.AddHours(1), RejectReason.Spam, "Nội dung quảng cáo");
        var newDue = T0.AddDays(10);
        ReportHandling.Reopen(r, Head, T0.AddDays(1), newDue, "Người dân bổ sung hình ảnh");
        Assert.Equal((ReportState.InProgress, (RejectReason?)null, (DateTime?)null, newDue), (r.State, r.RejectReason, r.ClosedAt, r.DueAt));
    }
}

[Trait(Tier.Key, Tier.Fast)]
public class RouterTests
{
    private static readonly Category WardLevel = new() { Id = 1, Level = HandlingLevel.Ward };
    private static readonly Category DeptLevel = new() { Id = 2, Level = HandlingLevel.Department, DefaultUnitId = 50 };

    [Fact]
    public void A_rule_wins_over_the_defaults()
    {
        var rules = new[] { new RoutingRule { CategoryId = 2, AreaId = 10, UnitId = 99 } };
        Assert.Equal(new RoutingDecision(99, RoutingReason.Rule), Router.Route(DeptLevel, 10, rules, wardUnitOfArea: 100));
        Assert.Equal(new RoutingDecision(50, RoutingReason.CategoryDefault), Router.Route(DeptLevel, 11, rules, wardUnitOfArea: 101));
    }

    [Fact]
    public void Ward_level_categories_go_to_the_ward_of_the_area_else_to_coordinators()
    {
        Assert.Equal(new RoutingDecision(100, RoutingReason.WardDefault), Router.Route(WardLevel, 10, [], wardUnitOfArea: 100));
        Assert.Equal(new RoutingDecision(null, RoutingReason.Unroutable), Router.Route(WardLevel, null, [], wardUnitOfArea: null));
        Assert.Equal(new RoutingDecision(null, RoutingReason.Unroutable), Router.Route(new Category { Id = 3, Level = HandlingLevel.Department }, 10, [], 100));
    }

    [Fact]
    public void Distances_are_in_metres()
    {
        // One thousandth of a degree of latitude is about 111 m anywhere.
        Assert.InRange(Geo.DistanceMetres(9.783, 105.467, 9.784, 105.467), 110, 112);
        Assert.Equal(0, Geo.DistanceMetres(9.783, 105.467, 9.783, 105.467));
    }
}
