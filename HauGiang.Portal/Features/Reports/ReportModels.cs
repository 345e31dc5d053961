using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Reports;

public sealed record ReportDetail(
    long Id,
    string Code,
    string Description,
    string CategoryName,
    string CategoryColor,
    int HandlingDays,
    double Latitude,
    double Longitude,
    string? Address,
    string? AreaName,
    int? UnitId,
    string? UnitName,
    string? AssigneeName,
    ReportState State,
    ReportPriority Priority,
    ReportSource Source,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? ResolvedAt,
    bool IsPublic,
    string? DuplicateOfCode,
    RejectReason? RejectReason,
    DateTime? ExtensionRequestedUntil,
    CitizenRating? Rating,
    int Version,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<ReportAction> AllowedActions,
    bool CanRevealContact);

public sealed record TimelineItem(
    DateTime At,
    ReportEventType Type,
    string ActorName,
    ReportState? FromState,
    ReportState? ToState,
    string? FromUnit,
    string? ToUnit,
    string? Note,
    EventVisibility Visibility);

public sealed record DuplicateCandidate(long Id, string Code, string Description, ReportState State, int DistanceMetres, DateTime ReceivedAt);

public sealed record RevealedContact(string? Name, string? Phone, string? Email);

/// <summary>One handling action with whatever input it needs; the service validates what applies.</summary>
public sealed record ActionRequest(ReportAction Action, int ExpectedVersion)
{
    public string? Text { get; init; }

    public string? OfficerId { get; init; }

    public int? UnitId { get; init; }

    public RejectReason? RejectReason { get; init; }

    public long? OriginalId { get; init; }

    /// <summary>An extension in working days, counted from the current deadline (what the dialog asks for).</summary>
    public int? ExtraWorkingDays { get; init; }

    /// <summary>Or an explicit new deadline (local date; the deadline is 17:00 that day).</summary>
    public DateOnly? NewDueDate { get; init; }

    /// <summary>Approve (true) or refuse an extension; make public (true) or private.</summary>
    public bool? Flag { get; init; }

    /// <summary>A reply's result photos, already checked and re-encoded: stored with the reply or not at all.</summary>
    public IReadOnlyList<Photos.PreparedPhoto> ResultPhotos { get; init; } = [];
}

public enum ActionOutcome
{
    Done,
    NotFound,
    Conflict,
    Refused,
    Invalid,
}

/// <summary>The result of an action: a resource key for the message, and an argument where the message needs one.</summary>
public sealed record ActionResult(ActionOutcome Outcome, string MessageKey, string? Argument = null)
{
    public bool Succeeded => Outcome == ActionOutcome.Done;
}
