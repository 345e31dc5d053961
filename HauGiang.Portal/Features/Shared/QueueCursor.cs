namespace HauGiang.Portal.Features.Shared;

/// <summary>Keyset position: the sort key and id of the last row of the previous page.</summary>
public sealed record QueueCursor(DateTime Key, long Id);
