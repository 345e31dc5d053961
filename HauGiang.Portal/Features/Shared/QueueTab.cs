namespace HauGiang.Portal.Features.Shared;

/// <summary>The queue's tabs, by state and deadline; part of every <see cref="ReportFilter"/>.</summary>
public enum QueueTab
{
    New,
    InProgress,
    Open,
    DueSoon,
    Overdue,
    Done,
    All,
}
