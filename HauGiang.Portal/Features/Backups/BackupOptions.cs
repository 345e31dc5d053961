namespace HauGiang.Portal.Features.Backups;

/// <summary>Backup settings (<c>Backup</c> section). On by default: a portal that is not backed up loses everything with its disk.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The scheduled daily backup. "Back up now" on the admin page works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where backup sets are written; relative paths are under the content root. Best on another disk, copied off the machine.</summary>
    public string Folder { get; set; } = "App_Data/backups";

    /// <summary>Local time of day (Asia/Ho_Chi_Minh) of the daily backup, "HH:mm": at night, when few reports arrive.</summary>
    public string TimeOfDay { get; set; } = "02:00";

    /// <summary>The newest set of each of this many most recent days is kept.</summary>
    public int KeepDaily { get; set; } = 7;

    /// <summary>The newest set of each of this many most recent ISO weeks (Monday to Sunday) is kept.</summary>
    public int KeepWeekly { get; set; } = 4;

    /// <summary>How often the scheduler looks at the clock; tests shorten it.</summary>
    public double CheckSeconds { get; set; } = 60;

    /// <summary>After a failed backup, the scheduler tries again this much later, not at every check.</summary>
    public double RetryMinutes { get; set; } = 15;

    public TimeOnly LocalTime => TimeOnly.TryParseExact(TimeOfDay, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
        ? t
        : throw new InvalidOperationException($"Backup:TimeOfDay '{TimeOfDay}' is not a time of day (HH:mm).");
}
