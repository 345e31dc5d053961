namespace HauGiang.Portal.Features.Dashboard;

public sealed record GroupRow(string Key, string Label, int Open, int Overdue, int ResolvedInPeriod, double? OnTimeRate);
