namespace HauGiang.Portal.Security;

/// <summary>Claim types the portal adds to the session cookie.</summary>
public static class PortalClaimTypes
{
    public const string DisplayName = "hg:name";
    public const string UnitId = "hg:unit";
    public const string UnitName = "hg:unit_name";
    public const string UnitKind = "hg:unit_kind";
}
