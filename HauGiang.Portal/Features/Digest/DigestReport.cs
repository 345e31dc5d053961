namespace HauGiang.Portal.Features.Digest;

/// <summary>One report as the digest lists it: no reporter data, no description — the code, category and place.</summary>
public sealed record DigestReport(long Id, int? UnitId, string Code, string Category, string Place, DateTime DueAt);
