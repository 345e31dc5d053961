namespace HauGiang.Portal.Domain;

/// <summary>The life-cycle state of a report. "Overdue", "due soon" and "extension pending" are flags, not states.</summary>
public enum ReportState
{
    New = 0,
    InProgress = 1,
    Resolved = 2,
    Closed = 3,
    Rejected = 4,
}
