namespace HauGiang.Portal;

/// <summary>Marker for the intake strings in Resources/IntakeResource.resx (Vietnamese) and IntakeResource.en.resx.</summary>
public sealed class IntakeResource;
