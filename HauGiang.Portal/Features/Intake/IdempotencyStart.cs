namespace HauGiang.Portal.Features.Intake;

public sealed record IdempotencyStart(IdempotencyState State, long RecordId = 0, string? ReportCode = null);
