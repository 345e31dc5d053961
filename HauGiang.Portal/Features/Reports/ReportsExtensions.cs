using HauGiang.Portal.Features.Queue;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Reports;

public static class ReportsExtensions
{
    /// <summary>The queue and the report page: reads, handling actions, the working calendar.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReportOptions>(builder.Configuration.GetSection(ReportOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CalendarService>();
        builder.Services.AddSingleton<ReportService>();
        builder.Services.AddSingleton<QueueService>();
        builder.Services.AddSingleton<SharedQueueReads>();
        builder.Services.AddSingleton<Map.MapDataCache>();
        builder.Services.AddSingleton<Map.MapPoints>();
        builder.Services.AddSingleton<LookupService>();
        return builder;
    }
}
