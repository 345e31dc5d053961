namespace HauGiang.Portal.Domain;

/// <summary>An action that the state machine refuses in the report's current state or for this role.</summary>
public sealed class WorkflowException(ReportAction action, ReportState state)
    : InvalidOperationException($"Action {action} is not allowed in state {state}.")
{
    public ReportAction Action { get; } = action;

    public ReportState State { get; } = state;
}
