namespace HauGiang.Portal.Features.Digest;

public static class DigestExtensions
{
    /// <summary>The morning e-mail digest for heads and coordinators (decision 010, "E-mail digest").</summary>
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DigestOptions>(builder.Configuration.GetSection(DigestOptions.Section));
        builder.Services.AddSingleton<DigestJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DigestJob>());
        return builder;
    }
}
