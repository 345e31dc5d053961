namespace HauGiang.Portal.Features.Intake;

public enum IdempotencyState
{
    /// <summary>First time: go ahead, and complete <see cref="IdempotencyStart.RecordId"/> with the report.</summary>
    Started,

    /// <summary>Done before with the same request: answer as then.</summary>
    Replay,

    /// <summary>The key was used with another request (422).</summary>
    Mismatch,

    /// <summary>The same request is still being processed (409).</summary>
    InProgress,
}
