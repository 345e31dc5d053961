namespace HauGiang.Portal.Features.Dashboard;

public sealed record DailyPoint(DateOnly Day, int Incoming, int Resolved, int OpenAtEnd);
