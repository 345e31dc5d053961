namespace HauGiang.Portal.Domain;

/// <summary>What a user can do to a report (the officer's buttons).</summary>
public enum ReportAction
{
    Accept,            // Tiếp nhận
    Assign,            // Phân công
    AddNote,           // Cập nhật tiến độ (internal)
    PublicUpdate,      // Cập nhật tiến độ (public)
    Reply,             // Trả lời → resolved
    Transfer,          // Chuyển xử lý
    Return,            // Trả lại (to coordinators)
    Reject,            // Từ chối
    MarkDuplicate,     // Đánh dấu trùng
    RequestExtension,  // Xin gia hạn
    ApproveExtension,  // Duyệt gia hạn
    RefuseExtension,   // Không duyệt gia hạn
    Escalate,          // Chuyển cấp trên
    Reopen,            // Mở lại
    SetVisibility,     // Công khai / Không công khai
    Close,             // Đóng
    Route,             // Coordinators route a report that has no unit
}

/// <summary>The role a user acts in on one report, after scope is settled.</summary>
public enum ActingRole
{
    /// <summary>An officer of the responsible unit.</summary>
    UnitOfficer,

    /// <summary>The head of the responsible unit (lãnh đạo đơn vị).</summary>
    UnitHead,

    /// <summary>Province coordinators (and admins), who see every report.</summary>
    Coordinator,
}

/// <summary>
/// The state machine: which action is allowed from which state, by whom, and where it leads.
/// Services call <see cref="Check"/> before they change anything; the UI only uses it to hide buttons.
/// </summary>
public static class ReportWorkflow
{
    private const ActingRole Officer = ActingRole.UnitOfficer;
    private const ActingRole Head = ActingRole.UnitHead;
    private const ActingRole Coord = ActingRole.Coordinator;

    private sealed record Rule(ReportState[] From, ActingRole[] By, Func<ReportState, ReportState> To, Func<Report, bool>? Guard = null);

    private static readonly ReportState[] Open = [ReportState.New, ReportState.InProgress];
    private static readonly ReportState[] Finished = [ReportState.Resolved, ReportState.Closed, ReportState.Rejected];
    private static readonly ActingRole[] Anyone = [Officer, Head, Coord];
    private static readonly ActingRole[] Heads = [Head, Coord];

    private static ReportState Same(ReportState s) => s;

    private static readonly Dictionary<ReportAction, Rule> Rules = new()
    {
        [ReportAction.Accept] = new([ReportState.New], Anyone, _ => ReportState.InProgress, r => r.UnitId is not null),
        [ReportAction.Assign] = new(Open, Anyone, _ => ReportState.InProgress, r => r.UnitId is not null),
        [ReportAction.AddNote] = new([.. Open, .. Finished], Anyone, Same),
        [ReportAction.PublicUpdate] = new(Open, Anyone, Same),
        [ReportAction.Reply] = new(Open, Anyone, _ => ReportState.Resolved, r => r.UnitId is not null),
        [ReportAction.Transfer] = new(Open, Anyone, _ => ReportState.New),
        [ReportAction.Return] = new(Open, [Officer, Head], _ => ReportState.New, r => r.UnitId is not null),
        [ReportAction.Reject] = new(Open, Anyone, _ => ReportState.Rejected),
        [ReportAction.MarkDuplicate] = new(Open, Anyone, _ => ReportState.Rejected),
        [ReportAction.RequestExtension] = new([ReportState.InProgress], [Officer, Head], Same, r => !r.ExtensionPending),
        [ReportAction.ApproveExtension] = new([ReportState.InProgress], Heads, Same, r => r.ExtensionPending),
        [ReportAction.RefuseExtension] = new([ReportState.InProgress], Heads, Same, r => r.ExtensionPending),
        [ReportAction.Escalate] = new(Open, [Officer, Head], _ => ReportState.New, r => r.UnitId is not null),
        [ReportAction.Reopen] = new(Finished, Heads, _ => ReportState.InProgress),
        [ReportAction.SetVisibility] = new([ReportState.Resolved, ReportState.Closed], Anyone, Same),
        [ReportAction.Close] = new([ReportState.Resolved], Heads, _ => ReportState.Closed),
        [ReportAction.Route] = new(Open, [Coord], _ => ReportState.New, r => r.UnitId is null),
    };

    /// <summary>True when <paramref name="role"/> may do <paramref name="action"/> on the report as it is now.</summary>
    public static bool IsAllowed(ReportAction action, Report report, ActingRole role)
    {
        var rule = Rules[action];
        return rule.From.Contains(report.State) && rule.By.Contains(role) && (rule.Guard?.Invoke(report) ?? true);
    }

    /// <summary>The state the report is in after the action (only meaningful when allowed).</summary>
    public static ReportState TargetState(ReportAction action, ReportState from) => Rules[action].To(from);

    /// <summary>Every action this role may take on the report now, in the order the UI shows them.</summary>
    public static IReadOnlyList<ReportAction> AllowedActions(Report report, ActingRole role) =>
        Enum.GetValues<ReportAction>().Where(a => IsAllowed(a, report, role)).ToList();

    /// <summary>Throws <see cref="WorkflowException"/> when the action is not allowed.</summary>
    public static void Check(ReportAction action, Report report, ActingRole role)
    {
        if (!IsAllowed(action, report, role))
        {
            throw new WorkflowException(action, report.State);
        }
    }
}

/// <summary>An action that the state machine refuses in the report's current state or for this role.</summary>
public sealed class WorkflowException(ReportAction action, ReportState state)
    : InvalidOperationException($"Action {action} is not allowed in state {state}.")
{
    public ReportAction Action { get; } = action;

    public ReportState State { get; } = state;
}
