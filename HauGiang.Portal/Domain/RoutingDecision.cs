namespace HauGiang.Portal.Domain;

public sealed record RoutingDecision(int? UnitId, RoutingReason Reason);
