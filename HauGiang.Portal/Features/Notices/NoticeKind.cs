namespace HauGiang.Portal.Features.Notices;

/// <summary>Why a report has just become this user's work (the toast's title says it).</summary>
public enum NoticeKind
{
    /// <summary>A new report routed to the user's unit.</summary>
    New,

    /// <summary>Transferred (or routed by the coordinators) to the user's unit from elsewhere.</summary>
    Transferred,

    /// <summary>Escalated to the user's unit from a unit below.</summary>
    Escalated,

    /// <summary>Assigned to the user.</summary>
    Assigned,

    /// <summary>Reopened (a citizen not satisfied, or a head's decision).</summary>
    Reopened,

    /// <summary>Coordinators: a new report that no rule could route.</summary>
    NeedsRouting,

    /// <summary>Coordinators: a unit returned the report as not theirs.</summary>
    Returned,
}
