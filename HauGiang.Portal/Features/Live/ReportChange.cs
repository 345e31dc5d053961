using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// One committed change of a report, small enough to cross instances: which report, where it is now and where it
/// was (so that the unit it left also hears of it), its state and version, and who did it. Who may hear of it is
/// the feed's business (<see cref="FeedScope"/>). <see cref="Action"/> (the audit's action name without "report.",
/// e.g. "transfer", "assign", "rate-reopen"; null for a new report) and <see cref="AssigneeId"/> let the in-page
/// notices tell "assigned to me" or "reopened by a citizen" from the change alone (docs/decisions/010-notices.md).
/// </summary>
public sealed record ReportChange(
    long ReportId,
    string Code,
    int? UnitId,
    int? PreviousUnitId,
    ReportState State,
    int Version,
    bool IsNew,
    string? ActorId,
    string? ActorName,
    DateTime At,
    string? Action = null,
    string? AssigneeId = null);
