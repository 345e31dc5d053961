namespace HauGiang.Portal.Data;

/// <summary>
/// The portal's VAPID key pair (P-256, base64url): generated on first start, one row, shared by every instance.
/// Push services tie each subscription to the public key, so it must never change once devices have subscribed.
/// </summary>
public sealed class VapidKeyPair
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public string PublicKey { get; set; } = "";

    public string PrivateKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
