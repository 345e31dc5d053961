using System.Net;
using System.Text.Json;
using HauGiang.Portal.Data;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HauGiang.Portal.Tests.Features.Health;

/// <summary>The app with a write probe that gives up after 100 ms (the default is 2 s), so a failing check is quick.</summary>
public sealed class QuickProbeApp() : PortalApp(reports: 20, new Dictionary<string, string?> { [DatabaseWriteProbe.TimeoutSetting] = "100" });

/// <summary>
/// /health/live answers while the process does; /health/ready (and /health, its old address) fails when the
/// database cannot be written — not only when it cannot be read (issue 13).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class HealthTests(QuickProbeApp app) : IClassFixture<QuickProbeApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task A_working_portal_is_live_and_ready(string path)
    {
        using var http = app.Http();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", Status(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Ready_fails_while_the_database_cannot_be_written_and_live_stays_up()
    {
        using var http = app.Http();

        // Another writer holds the write lock and does not let go (a stuck process, a backup that locks the file).
        await using (var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            foreach (var path in new[] { "/health/ready", "/health" })
            {
                using var ready = await http.GetAsync(path);
                var body = await ready.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                using var json = JsonDocument.Parse(body);
                var write = json.RootElement.GetProperty("checks").GetProperty(DatabaseWriteProbe.Name);
                Assert.Equal("Unhealthy", write.GetProperty("status").GetString());
                Assert.Contains("cannot be written", write.GetProperty("description").GetString(), StringComparison.Ordinal);
                Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
                Assert.Contains(DatabaseWriteProbe.Name, json.RootElement.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
            }

            using var live = await http.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using var again = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_probe_reports_a_read_only_database_as_unhealthy()
    {
        _ = app.BaseUrl; // the database exists and is migrated
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False").Options;
        var probe = new DatabaseWriteProbe(new ReadOnlyFactory(options), app.Clock, new ConfigurationBuilder().Build());
        var result = await probe.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("readonly", result.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ready_fails_naming_the_photo_store_while_the_photo_folder_is_read_only()
    {
        using var http = app.Http();
        using (var first = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode); // and the folder exists
        }

        ReadOnlyFolder.Set(app.PhotosPath, readOnly: true);
        try
        {
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal(["photo-store"], json.RootElement.GetProperty("failing").EnumerateArray().Select(e => e.GetString()!).ToArray());
            var photos = json.RootElement.GetProperty("checks").GetProperty("photo-store");
            Assert.Equal("Unhealthy", photos.GetProperty("status").GetString());
            Assert.DoesNotContain(app.PhotosPath, photos.GetProperty("description").GetString(), StringComparison.Ordinal); // the answer is public

            using var live = await http.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            ReadOnlyFolder.Set(app.PhotosPath, readOnly: false);
        }

        using var again = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Ready_names_every_check_the_operator_relies_on()
    {
        using var http = app.Http();
        using var ready = await http.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var names = json.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["backup", "database", "database-write", "migrations", "photo-store", "redis"], names);
        Assert.Empty(json.RootElement.GetProperty("failing").EnumerateArray());
    }

    private static string? Status(string body) => JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();

    private sealed class ReadOnlyFactory(DbContextOptions<SqlitePortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(options);
    }
}
