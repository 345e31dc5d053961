namespace HauGiang.Portal.Features.Digest;

/// <summary>What one unit's section of the digest says.</summary>
public sealed record UnitDigest(int? UnitId, string? UnitName, IReadOnlyList<DigestReport> Overdue, IReadOnlyList<DigestReport> DueSoon, int ReceivedYesterday, int FinishedYesterday)
{
    public bool IsEmpty => Overdue.Count == 0 && DueSoon.Count == 0 && ReceivedYesterday == 0 && FinishedYesterday == 0;
}
