using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Reports;

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
