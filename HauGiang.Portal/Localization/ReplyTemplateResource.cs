namespace HauGiang.Portal;

/// <summary>Marker for the reply templates' strings in Resources/ReplyTemplateResource.resx (Vietnamese) and ReplyTemplateResource.en.resx.</summary>
public sealed class ReplyTemplateResource;
