namespace HauGiang.Portal.Features.Backups;

public static class BackupsExtensions
{
    /// <summary>Backups of the SQLite database and the photo folder: the daily scheduler and the admin page's service.</summary>
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        builder.Services.AddSingleton<BackupService>();
        builder.Services.AddHostedService<BackupScheduler>();
        return builder;
    }
}
