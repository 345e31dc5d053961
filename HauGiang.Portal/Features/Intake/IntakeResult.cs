namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// Created (<see cref="Report"/>), or refused with a resource key and an optional argument; a refused photo also
/// names its file (<see cref="Photo"/>).
/// </summary>
public sealed record IntakeResult(IntakeOutcome Outcome, ReceivedReport? Report, string? ErrorKey = null, string? Argument = null, string? Photo = null)
{
    public bool Succeeded => Outcome == IntakeOutcome.Created;

    public static IntakeResult Refused(IntakeOutcome outcome, string key, string? argument = null) => new(outcome, null, key, argument);
}
