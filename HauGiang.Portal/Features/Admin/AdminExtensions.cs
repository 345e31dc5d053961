namespace HauGiang.Portal.Features.Admin;

public static class AdminExtensions
{
    /// <summary>The administration (categories, units and areas, routing, users, calendar, audit log) (the area locator is shared: Data/Reference).</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
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
