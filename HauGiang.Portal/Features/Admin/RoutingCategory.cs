using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record RoutingCategory(int Id, string Code, string Name, string Color, HandlingLevel Level, bool IsActive);
