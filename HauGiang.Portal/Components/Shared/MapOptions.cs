namespace HauGiang.Portal.Components.Shared;

/// <summary>
/// The maps' settings (<c>Map</c> section), read by every map (the report map, the report page's mini-map, the admin
/// map) and by the Content-Security-Policy, which allows images from the tile server's host. Defaults here only.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>The defaults, for a view drawn before the settings are read.</summary>
    public static readonly MapOptions Defaults = new();

    /// <summary>Leaflet's tile URL template; its host is the only foreign image source the CSP allows.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The tiles' attribution (HTML, as Leaflet shows it).</summary>
    public string Attribution { get; set; } = "&copy; OpenStreetMap contributors";

    /// <summary>The province view: where a map opens for users who are not in a ward/commune unit.</summary>
    public double CenterLatitude { get; set; } = 9.78;

    public double CenterLongitude { get; set; } = 105.64;

    public int Zoom { get; set; } = 10;
}
