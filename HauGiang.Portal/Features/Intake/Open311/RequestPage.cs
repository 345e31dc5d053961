namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// A page of public requests, the cursor of the next page (null on the last page, and in page-number mode) and the
/// number of requests that match the filters over all pages.
/// </summary>
public sealed record RequestPage(IReadOnlyList<ServiceRequestDto> Items, string? NextCursor, int Total);
