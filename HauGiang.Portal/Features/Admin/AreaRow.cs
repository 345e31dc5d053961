using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record AreaRow(int Id, string Code, string Name, AreaKind Kind, double CenterLatitude, double CenterLongitude, bool CenterIsApproximate, bool HasBoundary, string? BoundaryGeoJson);
