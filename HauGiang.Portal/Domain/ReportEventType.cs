namespace HauGiang.Portal.Domain;

public enum ReportEventType
{
    Received = 0,
    Routed = 1,
    Accepted = 2,
    Assigned = 3,
    Note = 4,
    ProgressUpdate = 5,
    Replied = 6,
    Transferred = 7,
    Returned = 8,
    Rejected = 9,
    MarkedDuplicate = 10,
    ExtensionRequested = 11,
    ExtensionApproved = 12,
    ExtensionRefused = 13,
    Escalated = 14,
    Reopened = 15,
    VisibilityChanged = 16,
    Closed = 17,
    Rated = 18,
    ContactRevealed = 19,
}
