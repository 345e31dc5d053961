namespace HauGiang.Portal.Features.Map;

/// <summary>What the map module needs to start: centre, zoom and tiles (from configuration; tiles may be unreachable).</summary>
public sealed record MapView(double Lat, double Lon, int Zoom, string? TileUrl, string? Attribution);
