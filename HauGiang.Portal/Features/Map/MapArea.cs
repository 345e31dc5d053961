namespace HauGiang.Portal.Features.Map;

public sealed record MapArea(string Name, double Lat, double Lon, string? Boundary);
