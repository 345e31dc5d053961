namespace HauGiang.Portal.Features.Dashboard;

public sealed record KpiTiles(
    int Open,
    int NewToday,
    int Overdue,
    int DueSoon,
    int ResolvedInPeriod,
    double? OnTimeRate,
    double? MedianHoursToFirstAction,
    double? MedianHoursToResolution,
    double? SatisfactionRate,
    int Ratings);
