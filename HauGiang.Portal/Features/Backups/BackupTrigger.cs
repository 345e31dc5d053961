namespace HauGiang.Portal.Features.Backups;

public enum BackupTrigger
{
    Scheduled,
    Manual,
}
