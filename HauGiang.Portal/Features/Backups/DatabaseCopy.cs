namespace HauGiang.Portal.Features.Backups;

/// <summary>The database file of a set, as checked after it was written.</summary>
public sealed record DatabaseCopy(string File, long Bytes, string Sha256, string IntegrityCheck, long Reports, long Events, long PhotoRows);
