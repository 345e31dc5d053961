using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake;

/// <summary>Where a new report goes: its area and unit, and why; or refused when the point is outside the service area.</summary>
public sealed record RoutingOutcome(bool OutsideServiceArea, Area? Area, int? UnitId, RoutingReason Reason);
