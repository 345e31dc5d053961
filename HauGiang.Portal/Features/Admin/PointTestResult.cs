using HauGiang.Portal.Domain;
using HauGiang.Portal.Data.Reference;

namespace HauGiang.Portal.Features.Admin;

/// <summary>What the "test a point" tool answers: the area found (and how), and the unit that would get the report.</summary>
public sealed record PointTestResult(AreaLocation? Location, RoutingDecision Decision, string? UnitName);
