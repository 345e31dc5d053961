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

public enum ReportPriority
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}

/// <summary>Where a report came in.</summary>
public enum ReportSource
{
    CitizenApp = 0,
    Open311 = 1,
    Hotline = 2,
    Officer = 3,
}

public enum RejectReason
{
    Spam = 0,
    Duplicate = 1,
    OutsideScope = 2,
    NotEnoughInformation = 3,
}

public enum CitizenRating
{
    Satisfied = 0,
    Acceptable = 1,
    NotSatisfied = 2,
}

public enum EventVisibility
{
    Internal = 0,
    Public = 1,
}

public enum UnitKind
{
    Province = 0,
    Department = 1,
    Ward = 2,
    Commune = 3,
}

public enum AreaKind
{
    Ward = 0,     // phường
    Commune = 1,  // xã
}

/// <summary>Where a category is handled when no routing rule says otherwise.</summary>
public enum HandlingLevel
{
    /// <summary>By the ward/commune unit of the area the point falls in.</summary>
    Ward = 0,

    /// <summary>By the category's default unit (a department or service company).</summary>
    Department = 1,
}
