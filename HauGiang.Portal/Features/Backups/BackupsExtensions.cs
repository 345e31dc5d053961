using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Features.Backups;

public static class BackupsExtensions
{
    /// <summary>Backups of the SQLite database and the photo folder: the daily scheduler and the admin page's service.</summary>
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        builder.Services.AddSingleton<BackupService>();
        builder.Services.AddHostedService<BackupScheduler>();
        builder.Services.AddSingleton<BackupHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BackupHealthCheck>(BackupHealthCheck.Name, HealthStatus.Degraded);
        return builder;
    }
}
