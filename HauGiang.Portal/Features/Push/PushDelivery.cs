namespace HauGiang.Portal.Features.Push;

/// <summary>One encrypted message to send to one device.</summary>
public sealed record PushDelivery(long SubscriptionId, string Endpoint, string P256dh, string Auth, string Payload, bool Urgent);
