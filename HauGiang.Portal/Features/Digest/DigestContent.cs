using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Digest;

/// <summary>
/// The province's open work at one moment, read once per morning run and cut per recipient: overdue and due-soon
/// open reports (the queue's "Quá hạn" and "Sắp đến hạn" tabs) and yesterday's received and finished counts, per unit.
/// </summary>
public sealed class DigestContent
{
    private readonly Dictionary<int, string> _unitNames;
    private readonly ILookup<int?, DigestReport> _overdue;
    private readonly ILookup<int?, DigestReport> _dueSoon;
    private readonly Dictionary<int, int> _received;
    private readonly Dictionary<int, int> _finished;
    private readonly int _receivedNoUnit;

    private DigestContent(Dictionary<int, string> unitNames, List<DigestReport> open, DateTime now, List<UnitCount> received, List<UnitCount> finished)
    {
        _unitNames = unitNames;
        _overdue = open.Where(r => r.DueAt < now).ToLookup(r => r.UnitId);
        _dueSoon = open.Where(r => r.DueAt >= now).ToLookup(r => r.UnitId);
        _received = received.Where(c => c.UnitId is not null).ToDictionary(c => c.UnitId!.Value, c => c.Count);
        _finished = finished.Where(c => c.UnitId is not null).ToDictionary(c => c.UnitId!.Value, c => c.Count);
        _receivedNoUnit = received.Where(c => c.UnitId is null).Sum(c => c.Count);
    }

    /// <summary>Reads the open work due before <paramref name="dueSoonLimit"/> and the counts of local day <paramref name="yesterday"/>.</summary>
    public static async Task<DigestContent> ReadAsync(PortalDbContext db, DateTime now, DateTime dueSoonLimit, DateOnly yesterday, CancellationToken ct)
    {
        // Never a sandbox client's reports (Report.IsTest): they are nobody's work.
        var open = await db.Reports.AsNoTracking()
            .Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt <= dueSoonLimit && !r.IsTest)
            .OrderBy(r => r.DueAt)
            .Select(r => new { r.Id, r.UnitId, r.Code, Category = r.Category!.NameVi, Area = r.Area!.Name, r.Address, r.DueAt })
            .ToListAsync(ct);
        var from = WorkingCalendar.FromLocal(yesterday.ToDateTime(TimeOnly.MinValue));
        var to = WorkingCalendar.FromLocal(yesterday.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var received = await db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < to && !r.IsTest)
            .GroupBy(r => r.UnitId).Select(g => new UnitCount(g.Key, g.Count())).ToListAsync(ct);
        var finished = await db.Reports.AsNoTracking().Where(r => r.ResolvedAt >= from && r.ResolvedAt < to && !r.IsTest)
            .GroupBy(r => r.UnitId).Select(g => new UnitCount(g.Key, g.Count())).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new(units, open.Select(r => new DigestReport(r.Id, r.UnitId, r.Code, r.Category, Place(r.Address, r.Area), r.DueAt)).ToList(), now, received, finished);
    }

    /// <summary>A head's digest: their unit only.</summary>
    public UnitDigest ForUnit(int unitId) =>
        new(unitId, _unitNames.GetValueOrDefault(unitId), [.. _overdue[unitId]], [.. _dueSoon[unitId]], _received.GetValueOrDefault(unitId), _finished.GetValueOrDefault(unitId));

    /// <summary>A coordinator's digest: every unit with something to say, by name, then the reports no unit holds yet.</summary>
    public IReadOnlyList<UnitDigest> ProvinceWide()
    {
        var sections = _unitNames.OrderBy(u => u.Value, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(u => ForUnit(u.Key)).Where(u => !u.IsEmpty).ToList();
        var unrouted = new UnitDigest(null, null, [.. _overdue[null]], [.. _dueSoon[null]], _receivedNoUnit, 0);
        if (!unrouted.IsEmpty)
        {
            sections.Add(unrouted);
        }

        return sections;
    }

    /// <summary>The place the digest names: the address as reported, else the ward or commune; short.</summary>
    private static string Place(string? address, string? area)
    {
        var place = string.IsNullOrWhiteSpace(address) ? area ?? "" : address.Trim();
        return place.Length <= 100 ? place : place[..99] + "…";
    }
}

internal sealed record UnitCount(int? UnitId, int Count);
