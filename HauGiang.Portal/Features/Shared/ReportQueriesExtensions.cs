namespace HauGiang.Portal.Features.Shared;

public static class ReportQueriesExtensions
{
    /// <summary>The shared report core: report reads, pick lists, the working calendar, the handling actions and their options.</summary>
    public static IHostApplicationBuilder AddReportQueries(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ReportOptions>(builder.Configuration.GetSection(ReportOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CalendarService>();
        builder.Services.AddSingleton<ReportQueryService>();
        builder.Services.AddSingleton<LookupService>();
        builder.Services.AddSingleton<Actions.ReportActions>();
        return builder;
    }
}
