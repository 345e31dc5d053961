namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The filters of GET servicerequestupdates (already validated). After is the cursor: (event time, event id).
/// Sandbox: a test client's feed, of the sandbox's requests only (every other caller's has none of them).
/// </summary>
public sealed record UpdateQuery(DateTime FromUtc, DateTime ToUtc, int PageSize, (DateTime At, long Id)? After, bool Sandbox = false);
