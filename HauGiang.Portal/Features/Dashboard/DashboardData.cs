namespace HauGiang.Portal.Features.Dashboard;

/// <summary>Everything the dashboard page shows for one scope, filter and period.</summary>
public sealed record DashboardData(
    KpiTiles Tiles,
    IReadOnlyList<DailyPoint> Daily,
    IReadOnlyList<GroupRow> ByCategory,
    IReadOnlyList<GroupRow> ByArea,
    IReadOnlyList<GroupRow> ByUnit,
    IReadOnlyList<GroupRow> ByOfficer,
    IReadOnlyList<OldestReport> Oldest);
