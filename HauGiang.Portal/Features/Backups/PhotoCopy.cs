namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// The photo files of a set: every file of the store, hard-linked from the previous set where it was already there
/// (<see cref="Linked"/>) or copied (<see cref="Copied"/>). <see cref="MissingReferenced"/>: files the copied
/// database names that were not in the photo folder (0 in a healthy portal).
/// </summary>
public sealed record PhotoCopy(int Files, long Bytes, int Linked, int Copied, int MissingReferenced);
