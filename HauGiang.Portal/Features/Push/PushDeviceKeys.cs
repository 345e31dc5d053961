namespace HauGiang.Portal.Features.Push;

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives: the endpoint and the two keys.</summary>
public sealed record PushDeviceKeys(string? P256dh, string? Auth);
