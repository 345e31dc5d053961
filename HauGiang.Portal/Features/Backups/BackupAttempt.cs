namespace HauGiang.Portal.Features.Backups;

/// <summary>One try: when, why, the set it wrote or the error. <see cref="Busy"/> and <see cref="NotSqlite"/> wrote nothing.</summary>
public sealed record BackupAttempt(DateTime StartedAtUtc, DateTime FinishedAtUtc, BackupTrigger Trigger, string? SetName, string? Error)
{
    public static readonly BackupAttempt Busy = new(default, default, BackupTrigger.Manual, null, "busy");

    public static readonly BackupAttempt NotSqlite = new(default, default, BackupTrigger.Manual, null, "sqlserver");

    public bool Succeeded => SetName is not null;
}
