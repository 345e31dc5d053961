namespace HauGiang.Portal;

/// <summary>Marker for the Web Push strings in Resources/PushResource.resx (Vietnamese) and PushResource.en.resx.</summary>
public sealed class PushResource;
