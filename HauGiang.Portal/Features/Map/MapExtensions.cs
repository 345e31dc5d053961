namespace HauGiang.Portal.Features.Map;

public static class MapExtensions
{
    /// <summary>The map's GeoJSON, its per-user cache and its live points.</summary>
    public static IHostApplicationBuilder AddMap(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MapGeoJson>();
        builder.Services.AddSingleton<MapDataCache>();
        builder.Services.AddSingleton<MapPoints>();
        return builder;
    }
}
