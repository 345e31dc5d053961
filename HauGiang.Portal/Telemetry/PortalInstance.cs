using System.Reflection;

namespace HauGiang.Portal.Telemetry;

/// <summary>This running instance: which build it is and since when it runs (by the app's clock).</summary>
public sealed class PortalInstance(TimeProvider clock)
{
    /// <summary>The informational version of the build (with its commit when the build stamps one).</summary>
    public static string Version { get; } =
        typeof(PortalInstance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PortalInstance).Assembly.GetName().Version?.ToString()
        ?? "?";

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public TimeSpan Uptime => clock.GetUtcNow() - StartedAt;
}
