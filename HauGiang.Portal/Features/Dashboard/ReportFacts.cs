using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>The few facts of a report the dashboard needs (no text, no contact).</summary>
public sealed record ReportFacts(
    long Id,
    string Code,
    int CategoryId,
    int? AreaId,
    int? UnitId,
    string? AssigneeId,
    ReportState State,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? FirstActionAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    CitizenRating? Rating,
    DateTime? RatedAt)
{
    public bool IsOpen => State is ReportState.New or ReportState.InProgress;

    /// <summary>
    /// When it stopped being open (resolved, or closed/rejected without a resolution); null while open. A finished
    /// report with neither time (the app always sets one; imported data might not) counts as finished on receipt, so
    /// that it never counts as open.
    /// </summary>
    public DateTime? FinishedAt => IsOpen ? null : ResolvedAt ?? ClosedAt ?? ReceivedAt;

    /// <summary>
    /// Open at that moment, as far as the report's times tell: received before it and not finished before it (a report
    /// reopened since counts as open from its receipt on: its earlier resolution is in the timeline, not here).
    /// At the present moment this is <see cref="IsOpen"/>.
    /// </summary>
    public bool OpenAt(DateTime moment) => ReceivedAt < moment && (FinishedAt is null || FinishedAt >= moment);
}
