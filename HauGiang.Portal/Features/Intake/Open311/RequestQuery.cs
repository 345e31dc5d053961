namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The filters of GET requests (already validated). FromUtc/ToUtc bound the time received (null: no bound);
/// UpdatedAfter/UpdatedBefore bound the last update (extension), and when either is given the list is sorted by
/// the last update instead, and the cursor's time is that of the last update. Sandbox: the caller is a test client,
/// which lists the sandbox's requests only (and every other caller none of them).
/// </summary>
public sealed record RequestQuery(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> ServiceCodes,
    DateTime? FromUtc,
    DateTime? ToUtc,
    bool? Open,
    int PageSize,
    (DateTime At, long Id)? After,
    DateTime? UpdatedAfter = null,
    DateTime? UpdatedBefore = null,
    int Skip = 0,
    GeoFilter? Area = null,
    bool Sandbox = false)
{
    public bool ByUpdate => UpdatedAfter is not null || UpdatedBefore is not null;
}
