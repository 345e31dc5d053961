using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>
/// Readiness: the photo folder takes a new file. A volume that is unmounted, read-only or full would otherwise show
/// up only as failed Open311 posts and replies with photos. One small file written and deleted per check.
/// The answer is public (load balancers read it), so it names the kind of failure, not the path: that is logged.
/// </summary>
internal sealed class PhotoStoreProbe(IOptions<PhotoOptions> options, IHostEnvironment environment, ILogger<PhotoStoreProbe> logger) : IHealthCheck
{
    public const string Name = "photo-store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = options.Value.Root;
        root = Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
        var probe = Path.Combine(root, ".ready-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllBytesAsync(probe, [1, 2, 3, 4], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("Writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The photo folder {Root} cannot be written: {Error}", root, e.Message);
            return HealthCheckResult.Unhealthy("The photo folder cannot be written (" + e.GetType().Name + ")");
        }
    }
}
