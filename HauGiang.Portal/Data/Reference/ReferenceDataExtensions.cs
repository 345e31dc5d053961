namespace HauGiang.Portal.Data.Reference;

public static class ReferenceDataExtensions
{
    /// <summary>
    /// The shared reference data (<see cref="ReferenceDataCache"/>), its change signal, the interceptor that raises it on
    /// every reference write, its Redis bridge (active when the live feed opened a Redis connection) and the area
    /// locator. Called by <see cref="DataExtensions.AddPortalData"/>.
    /// </summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReferenceDataSignal>();
        services.AddSingleton<ReferenceDataWrites>();
        services.AddSingleton<ReferenceDataCache>();
        services.AddHostedService<ReferenceDataRedisBridge>();
        services.Configure<AreaLocatorOptions>(configuration.GetSection(AreaLocatorOptions.Section));
        services.AddSingleton<AreaLocator>();
        return services;
    }
}
