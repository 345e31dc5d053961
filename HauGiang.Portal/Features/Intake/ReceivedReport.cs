using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake;

/// <summary>The report as received: its code, where it went (for a sandbox report: where it would have gone) and its deadline.</summary>
public sealed record ReceivedReport(long Id, string Code, int? UnitId, string? UnitName, string? AreaName, RoutingReason Reason, DateTime ReceivedAt, DateTime DueAt, bool IsTest = false)
{
    public string? UnitNameEn { get; init; }

    /// <summary>Whether its media_urls went to the fetch queue (they are fetched after the answer).</summary>
    public bool MediaQueued { get; init; }

    /// <summary>The service_notice: where it went (or would have gone, in the sandbox) and its deadline.</summary>
    public string Notice(bool english)
    {
        var unit = english ? UnitNameEn ?? UnitName : UnitName;
        return IsTest ? IntakeService.TestNotice(unit, DueAt, english) : IntakeService.Notice(unit, DueAt, english);
    }
}
