using System.Net;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (127.0.0.1, a free port) with its own SQLite file and the demo seed.
/// One instance per test class or collection; the database file is deleted on dispose.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    public const string Password = "HauGiang@2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hg-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private string? _baseUrl;

    public PortalApp()
        : this(reports: 400)
    {
    }

    /// <param name="reports">Demo reports to seed into a new database.</param>
    /// <param name="settings">Extra configuration (e.g. Redis).</param>
    /// <param name="databasePath">Share another instance's database file (scale-out tests).</param>
    protected PortalApp(int reports, IDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = databasePath ?? Path.Combine(_directory, "portal.db");
        _settings = new()
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Demo:Seed"] = "true",
            ["Demo:Reports"] = reports.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Password"] = Password,
            ["Demo:Feed:Enabled"] = "false",
            ["Photos:Root"] = Path.Combine(_directory, "photos"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:43567 (starts the server on first use).</summary>
    public string BaseUrl
    {
        get
        {
            if (_baseUrl is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
                _baseUrl = addresses.Addresses.First().TrimEnd('/');
            }

            return _baseUrl;
        }
    }

    /// <summary>A fresh context on the app's database, for arranging and checking data.</summary>
    public PortalDbContext CreateDbContext()
    {
        _ = BaseUrl;
        return Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection: the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The full demo seed (2,000 reports), for tests of the seed itself.</summary>
public sealed class FullDemoApp() : PortalApp(reports: 2000);

/// <summary>One of several instances that share a database (and usually Redis): for scale-out tests.</summary>
public sealed class AppInstance(IDictionary<string, string?> settings, string? databasePath = null) : PortalApp(reports: 50, settings, databasePath);
