using HauGiang.Portal.Features.Export;

namespace HauGiang.Portal.Features.Dashboard;

public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardService>();
        builder.Services.AddSingleton<ReportExport>();
        builder.Services.AddSingleton<ExportFiles>();
        return builder;
    }
}
