namespace HauGiang.Portal.Features.Push;

/// <summary>A device in the user's list: never its endpoint, which is a capability to send to it.</summary>
public sealed record PushDeviceRow(long Id, string DeviceName, DateTime CreatedAt, DateTime? LastSuccessAt, string EndpointHash);
