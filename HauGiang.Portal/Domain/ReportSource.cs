namespace HauGiang.Portal.Domain;

/// <summary>Where a report came in.</summary>
public enum ReportSource
{
    CitizenApp = 0,
    Open311 = 1,
    Hotline = 2,
    Officer = 3,
}
