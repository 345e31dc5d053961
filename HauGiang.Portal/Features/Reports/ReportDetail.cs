using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Reports;

public sealed record ReportDetail(
    long Id,
    string Code,
    string Description,
    string CategoryName,
    string CategoryColor,
    int HandlingDays,
    double Latitude,
    double Longitude,
    string? Address,
    string? AreaName,
    int? UnitId,
    string? UnitName,
    string? AssigneeName,
    ReportState State,
    ReportPriority Priority,
    ReportSource Source,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? ResolvedAt,
    bool IsPublic,
    string? DuplicateOfCode,
    RejectReason? RejectReason,
    DateTime? ExtensionRequestedUntil,
    CitizenRating? Rating,
    int Version,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<ReportAction> AllowedActions,
    bool CanRevealContact);
