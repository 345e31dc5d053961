namespace HauGiang.Portal;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.resx (Vietnamese) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
