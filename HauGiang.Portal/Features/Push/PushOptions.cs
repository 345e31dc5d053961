namespace HauGiang.Portal.Features.Push;

/// <summary>Web Push settings (<c>Push</c> section). See docs/deploy.md, "Web Push".</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>Who runs this server, for push services that need to reach its operator (VAPID "sub").</summary>
    public string Subject { get; set; } = "mailto:admin@haugiang.gov.vn";

    /// <summary>
    /// The push services a browser may hand us (origins; "*." allows sub-domains). Only these are ever called, so an
    /// account cannot make the server post to an address of its choosing. Comma-separated.
    /// </summary>
    public string AllowedEndpoints { get; set; } =
        "https://fcm.googleapis.com, https://updates.push.services.mozilla.com, https://*.push.services.mozilla.com, https://*.notify.windows.com, https://web.push.apple.com, https://*.push.apple.com";

    /// <summary>How long one push service may take to accept one message before it is given up.</summary>
    public int SendTimeoutSeconds { get; set; } = 10;

    /// <summary>Messages sent at once (to different devices).</summary>
    public int SendConcurrency { get; set; } = 8;

    /// <summary>How long a push service keeps a message for a phone that is off (seconds).</summary>
    public int TimeToLiveSeconds { get; set; } = 24 * 3600;

    /// <summary>Devices one user may have (the oldest is replaced beyond it).</summary>
    public int MaxDevicesPerUser { get; set; } = 10;

    /// <summary>How often the "sắp đến hạn" reminders are looked for (minutes).</summary>
    public int DueSoonCheckMinutes { get; set; } = 5;
}
