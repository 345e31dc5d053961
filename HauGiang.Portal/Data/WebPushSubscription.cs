namespace HauGiang.Portal.Data;

/// <summary>
/// One device (a browser's push subscription) on which a user receives Web Push. The endpoint is the push service's
/// address for that browser; <see cref="P256dh"/> and <see cref="Auth"/> are the browser's keys that every payload
/// is encrypted to. Removed when the user turns it off or when the push service answers 404/410 (expired).
/// </summary>
public sealed class WebPushSubscription
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Endpoint { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Endpoint"/> (hex): one row per endpoint, indexable on both providers.</summary>
    public string EndpointHash { get; set; } = "";

    /// <summary>The browser's P-256 public key (base64url, 65 bytes uncompressed).</summary>
    public string P256dh { get; set; } = "";

    /// <summary>The browser's authentication secret (base64url, 16 bytes).</summary>
    public string Auth { get; set; } = "";

    /// <summary>What the user sees in their list of devices ("Chrome · Android"), from the browser's user agent.</summary>
    public string DeviceName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When a push service last accepted a message for this device.</summary>
    public DateTime? LastSuccessAt { get; set; }
}
