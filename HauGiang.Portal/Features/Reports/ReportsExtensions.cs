namespace HauGiang.Portal.Features.Reports;

public static class ReportsExtensions
{
    /// <summary>The report page: reads of one report and the handling actions.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportService>();
        return builder;
    }
}
