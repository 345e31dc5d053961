using System.Globalization;

namespace HauGiang.Portal.Features.Digest;

/// <summary>The morning e-mail digest (<c>Digest</c> section); sent through the <c>Email</c> SMTP settings.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>On by default; nothing is sent anyway while no SMTP host is configured (<c>Email:SmtpHost</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time (Asia/Ho_Chi_Minh) of the digest on working days, "HH:mm": before the office day starts.</summary>
    public string TimeOfDay { get; set; } = "07:30";

    /// <summary>
    /// The portal's address as users open it (e.g. https://phananh.haugiang.gov.vn), for the links in the mail.
    /// Empty: the address the app listens on, which is right only without a reverse proxy.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>At most this many reports are listed per unit and list; the rest are one link to the queue.</summary>
    public int MaxListed { get; set; } = 30;

    /// <summary>How often the scheduler looks at the clock; tests shorten it.</summary>
    public double CheckSeconds { get; set; } = 60;

    public TimeOnly LocalTime => TimeOnly.TryParseExact(TimeOfDay, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        ? t
        : throw new InvalidOperationException($"Digest:TimeOfDay '{TimeOfDay}' is not a time of day (HH:mm).");
}
