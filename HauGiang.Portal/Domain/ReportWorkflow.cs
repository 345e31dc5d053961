namespace HauGiang.Portal.Domain;

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
