using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record RoutingUnit(int Id, string Code, string Name, UnitKind Kind);
