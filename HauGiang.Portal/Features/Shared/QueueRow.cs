using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Shared;

/// <summary>One report as the queue, the map's summary card and the exports show it.</summary>
public sealed record QueueRow(
    long Id,
    string Code,
    string CategoryName,
    string CategoryColor,
    string Description,
    string? AreaName,
    DateTime ReceivedAt,
    DateTime DueAt,
    ReportState State,
    bool ExtensionPending,
    ReportPriority Priority,
    string? AssigneeName,
    int Version);
