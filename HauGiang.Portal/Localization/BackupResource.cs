namespace HauGiang.Portal;

/// <summary>Marker for the backup page's strings in Resources/BackupResource.resx (Vietnamese) and BackupResource.en.resx.</summary>
public sealed class BackupResource;
