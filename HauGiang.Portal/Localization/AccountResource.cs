namespace HauGiang.Portal;

/// <summary>Marker for the Identity pages' strings in Resources/AccountResource.resx (Vietnamese) and AccountResource.en.resx.</summary>
public sealed class AccountResource;
