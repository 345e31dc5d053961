using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

/// <summary>The effective unit of one (category, area) cell and why: a rule, the ward's default or the category's.</summary>
public sealed record RoutingCell(int CategoryId, int AreaId, int? UnitId, RoutingReason Reason);
