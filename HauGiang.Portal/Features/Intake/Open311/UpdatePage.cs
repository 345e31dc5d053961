namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>A page of updates, oldest first, and the cursor of the next page (null on the last page).</summary>
public sealed record UpdatePage(IReadOnlyList<ServiceRequestUpdateDto> Items, string? NextCursor);
