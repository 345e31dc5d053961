namespace HauGiang.Portal;

/// <summary>Marker for the administration's strings in Resources/AdminResource.resx (Vietnamese) and AdminResource.en.resx.</summary>
public sealed class AdminResource;
