namespace HauGiang.Portal.Features.Shared.Actions;

/// <summary>The result of an action: a resource key for the message, and an argument where the message needs one.</summary>
public sealed record ActionResult(ActionOutcome Outcome, string MessageKey, string? Argument = null)
{
    public bool Succeeded => Outcome == ActionOutcome.Done;
}
