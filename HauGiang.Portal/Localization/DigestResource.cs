namespace HauGiang.Portal;

/// <summary>Marker for the e-mail digest's strings in Resources/DigestResource.resx (Vietnamese) and DigestResource.en.resx.</summary>
public sealed class DigestResource;
