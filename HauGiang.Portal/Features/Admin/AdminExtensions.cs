using HauGiang.Portal.Features.Routing;

namespace HauGiang.Portal.Features.Admin;

public static class AdminExtensions
{
    /// <summary>The administration (categories, units and areas, routing, users, calendar, audit log) and the area locator.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AreaLocatorOptions>(builder.Configuration.GetSection(AreaLocatorOptions.Section));
        builder.Services.AddSingleton<AreaLocator>();
        builder.Services.AddSingleton<CategoryAdminService>();
        builder.Services.AddSingleton<OrganisationAdminService>();
        builder.Services.AddSingleton<RoutingAdminService>();
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddSingleton<CalendarAdminService>();
        builder.Services.AddSingleton<AuditLogService>();
        builder.Services.AddSingleton<SystemStatusService>();
        return builder;
    }
}
