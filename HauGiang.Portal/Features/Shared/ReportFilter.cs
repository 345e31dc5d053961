namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// Which reports a list shows: the queue, the map, the dashboard's drill-downs and the exports all take this filter
/// (its query is <see cref="ReportQuery"/>); every field lives in the URL (<see cref="ReportFilterUrl"/>) so that a
/// link reproduces the view.
/// </summary>
public sealed record ReportFilter
{
    public QueueTab Tab { get; init; } = QueueTab.New;

    public int? CategoryId { get; init; }

    public int? AreaId { get; init; }

    /// <summary>Received on or after this local date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before this local date.</summary>
    public DateOnly? To { get; init; }

    public bool AssignedToMe { get; init; }

    public string? Text { get; init; }

    public QueueSort Sort { get; init; } = QueueSort.Deadline;

    /// <summary>Coordinators: one unit's reports. (Officers and heads are limited to their unit anyway.)</summary>
    public int? UnitId { get; init; }

    /// <summary>A category group (lĩnh vực lớn), e.g. "Môi trường".</summary>
    public string? CategoryGroup { get; init; }

    /// <summary>Assigned to this officer (the dashboard's "by officer" links).</summary>
    public string? AssigneeId { get; init; }

    /// <summary>Resolved on or after / on or before these local dates (the dashboard's "resolved in period").</summary>
    public DateOnly? ResolvedFrom { get; init; }

    public DateOnly? ResolvedTo { get; init; }

    /// <summary>Rated by the citizen on or after / on or before these local dates (the dashboard's satisfaction).</summary>
    public DateOnly? RatedFrom { get; init; }

    public DateOnly? RatedTo { get; init; }

    /// <summary>How many of the filter panel's own choices are set (the search box is always in sight).</summary>
    public int PanelChoices => (CategoryId is null ? 0 : 1) + (AreaId is null ? 0 : 1) + (From is null ? 0 : 1)
        + (To is null ? 0 : 1) + (AssignedToMe ? 1 : 0) + (Sort == QueueSort.Deadline ? 0 : 1);

    /// <summary>True when the filter carries parts that only the dashboard sets (shown as a removable chip).</summary>
    public bool HasDashboardParts => UnitId is not null || CategoryGroup is not null || AssigneeId is not null
        || ResolvedFrom is not null || ResolvedTo is not null || RatedFrom is not null || RatedTo is not null;
}
