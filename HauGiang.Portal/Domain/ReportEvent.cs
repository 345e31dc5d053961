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

/// <summary>One immutable line of a report's timeline: who did what, when, from → to.</summary>
public sealed class ReportEvent
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public DateTime At { get; set; }

    public ReportEventType Type { get; set; }

    /// <summary>Null for the system (intake, routing) and the citizen.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's display name at the time, so the timeline survives renames.</summary>
    public string ActorName { get; set; } = "";

    public ReportState? FromState { get; set; }

    public ReportState? ToState { get; set; }

    public int? FromUnitId { get; set; }

    public int? ToUnitId { get; set; }

    public string? Note { get; set; }

    public EventVisibility Visibility { get; set; }
}

/// <summary>An application (the citizen app, a partner) allowed to post through Open311.</summary>
public sealed class ApiClient
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Contact { get; set; }

    /// <summary>SHA-256 of the key; the key itself is shown once and never stored.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, to recognise it in lists.</summary>
    public string KeyPrefix { get; set; } = "";

    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>A sandbox client (an integrator testing): its reports are marked <see cref="Report.IsTest"/>.</summary>
    public bool IsTest { get; set; }

    /// <summary>
    /// The hosts this client's media_url photos may come from, one per line (exact host names, https only unless a
    /// private address is named for tests). Empty: no media_url of this client is fetched.
    /// </summary>
    public string? MediaHosts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>An append-only record of an admin change or a sensitive action.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Reason { get; set; }
}
