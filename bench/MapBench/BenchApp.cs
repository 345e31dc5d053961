using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MapBench;

/// <summary>
/// The real app on Kestrel (the tests' <see cref="PortalApp"/>), with a small demo seed (accounts and a few real reports
/// with timelines), quiet logs, and tiles from the benchmark's own local server so that no request leaves the machine.
/// </summary>
public sealed class BenchApp(int demoReports, IDictionary<string, string?> settings, string? databasePath = null)
    : PortalApp(demoReports, WithDefaults(settings), databasePath)
{
    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }

        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DetailedErrors", "false");

        // A benchmark runs on the real clock (the tests' app starts at a fixed moment); registered last, so it wins.
        builder.ConfigureTestServices(services => services.AddSingleton(TimeProvider.System));
    }
}
