using System.Net;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (127.0.0.1, a free port) with its own SQLite file and the demo seed.
/// One instance per test class or collection; the database file is deleted on dispose.
/// The app's clock is <see cref="Clock"/>: it starts at a fixed moment, never at today's date, so no test
/// depends on the day it runs (<see cref="TestClock"/>).
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    public const string Password = "HauGiang@2026";

    /// <summary>An ordinary working morning: Wednesday 18/11/2026 10:00 in Vietnam (03:00 UTC).</summary>
    public static readonly DateTimeOffset WorkingMorning = new(2026, 11, 18, 3, 0, 0, TimeSpan.Zero);

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
    /// <param name="start">The app's clock starts here (default <see cref="WorkingMorning"/>).</param>
    protected PortalApp(int reports, IDictionary<string, string?>? settings = null, string? databasePath = null, DateTimeOffset? start = null)
    {
        Clock = new TestClock(start ?? WorkingMorning);
        Directory.CreateDirectory(_directory);
        PhotosPath = Path.Combine(_directory, "photos");
        DatabasePath = databasePath ?? Path.Combine(_directory, "portal.db");
        _settings = new()
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Demo:Seed"] = "true",
            ["Demo:Reports"] = reports.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Password"] = Password,
            ["Demo:Feed:Enabled"] = "false",
            ["Photos:Root"] = PhotosPath,
            ["Backup:Enabled"] = "false", // the backup tests turn it on
            ["Backup:Folder"] = Path.Combine(_directory, "backups"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    /// <summary>Where the app keeps photo files.</summary>
    public string PhotosPath { get; }

    /// <summary>How many photo files are on disk (full images and thumbnails).</summary>
    public int PhotoFileCount => Directory.Exists(PhotosPath) ? Directory.GetFiles(PhotosPath, "*", SearchOption.AllDirectories).Length : 0;

    /// <summary>The app's clock (its <see cref="TimeProvider"/>); tests move it on with <c>Advance</c>.</summary>
    public TestClock Clock { get; }

    /// <summary>Now, as the app sees it (UTC).</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

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

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        catch (ObjectDisposedException)
        {
            // A circuit whose browser just closed finishes its own disposal while the host stops (seen once on CI
            // after NginxBrowserTests, as a class-cleanup failure with every test passed): the host is gone either way.
        }

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

/// <summary>The full demo seed at a chosen moment (a weekend, the day after Tết): the demo must look alive on any day.</summary>
public sealed class DemoAppAt(DateTimeOffset start) : PortalApp(reports: 2000, start: start);
