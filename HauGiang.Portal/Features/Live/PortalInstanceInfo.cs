namespace HauGiang.Portal.Features.Live;

/// <summary>One running instance of the portal as it last announced itself.</summary>
public sealed record PortalInstanceInfo(string Name, string Version, DateTimeOffset StartedAt, DateTimeOffset SeenAt, int CircuitsOpen, int CircuitsConnected);
