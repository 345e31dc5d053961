using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PortalLoad;

/// <summary>
/// The real app on Kestrel (the tests' <see cref="PortalApp"/>: 127.0.0.1, a free port, its own SQLite file and the demo
/// seed), on the real clock, with the intake's per-IP limit out of the way and every server warning or error counted
/// by <see cref="ServerLog"/> instead of printed among the tables.
/// </summary>
public sealed class BenchApp(int demoReports, string? databasePath, ServerLog log)
    : PortalApp(demoReports, Settings, databasePath)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        // As the intake tests do: the citizens all come from 127.0.0.1, which the per-IP limit would throttle.
        ["Intake:AnonymousRequestsPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DetailedErrors", "false");
        // A load test runs on the real clock (the base registers the tests' fake one; this registration comes later and wins).
        builder.ConfigureTestServices(s => s.AddSingleton(TimeProvider.System));
        builder.ConfigureLogging(l =>
        {
            l.ClearProviders();
            l.AddProvider(log);
        });
    }
}
