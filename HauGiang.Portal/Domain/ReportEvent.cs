namespace HauGiang.Portal.Domain;

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
