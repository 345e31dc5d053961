namespace HauGiang.Portal.Features.Backups;

/// <summary>One file of a set, its path relative to the set folder ('/' separated) and SHA-256 (lower-case hex).</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);
