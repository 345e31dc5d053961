namespace HauGiang.Portal.Features.Shared;

/// <summary>One page of rows, and where the next page starts (none after the last).</summary>
public sealed record QueueSlice(IReadOnlyList<QueueRow> Rows, QueueCursor? Next);
