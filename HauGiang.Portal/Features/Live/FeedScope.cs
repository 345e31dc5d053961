namespace HauGiang.Portal.Features.Live;

/// <summary>What a subscription may see: one unit's reports (and those leaving it), or everything (null unit).</summary>
public readonly record struct FeedScope(int? UnitId)
{
    public static FeedScope Everything => new(null);

    /// <summary>The scope of a user: province-wide users see everything; others their unit (a user with no unit, nothing).</summary>
    public static FeedScope For(Security.PortalUser user) => user.IsProvinceWide ? Everything : new(user.UnitId ?? -1);
}
