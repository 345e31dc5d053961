namespace HauGiang.Portal.Features.Export;

public static class ExportExtensions
{
    /// <summary>CSV and Excel exports of a report filter, and the finished files kept for download.</summary>
    public static IHostApplicationBuilder AddExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportExport>();
        builder.Services.AddSingleton<ExportFiles>();
        return builder;
    }
}
