using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record RoutingArea(int Id, string Code, string Name, AreaKind Kind);
