namespace HauGiang.Portal.Data;

/// <summary>
/// The morning e-mail digest already claimed for a user on a local (Vietnamese) date. Inserting the row claims the
/// day's digest before it is sent, so several instances, or a restart, never send it twice (the key is unique).
/// </summary>
public sealed class DigestSend
{
    public string UserId { get; set; } = "";

    public DateOnly LocalDate { get; set; }

    public DateTime SentAt { get; set; }
}
