using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Data.Reference;

public sealed record AreaLocation(Area Area, AreaMatch Match, double DistanceToCentreMetres);
