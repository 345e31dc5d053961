using System.Net;
using System.Text.Json;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Export;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>
/// Two real instances (hg-a, hg-b) on one SQLite file and a real redis-server, as a load balancer without sticky
/// sessions would use them (decision 014).
/// </summary>
public sealed class TwoInstances : IDisposable
{
    public TwoInstances()
    {
        A = new AppInstance(Settings("hg-a"));
        _ = A.BaseUrl; // A creates and seeds the database first
        B = new AppInstance(Settings("hg-b"), A.DatabasePath);
        _ = B.BaseUrl;
    }

    public RedisServer Redis { get; } = new();

    public AppInstance A { get; }

    public AppInstance B { get; }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        Redis.Dispose();
    }

    private Dictionary<string, string?> Settings(string name) => new()
    {
        ["Redis:Configuration"] = Redis.Configuration,
        ["Instances:Name"] = name,
        ["Instances:HeartbeatSeconds"] = "1",
    };
}

[Trait(Tier.Key, Tier.App)]
public sealed class MultiInstanceTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    private const string Maker = "canbo.vithanh@haugiang.demo";

    [Fact]
    public async Task An_export_written_on_A_downloads_from_B_for_its_maker_only_and_only_for_15_minutes()
    {
        var maker = await two.A.UserAsync(Maker);
        var files = two.A.Services.GetRequiredService<ExportFiles>();
        var export = two.A.Services.GetRequiredService<ReportExport>();
        var file = files.Create(maker.Id, export.FileName(ExportFormat.Csv), ReportExport.ContentType(ExportFormat.Csv));
        int rows;
        await using (var stream = File.Create(file.Path))
        {
            rows = await export.WriteAsync(stream, ExportFormat.Csv, maker, new ReportFilter { Tab = QueueTab.All }, english: false, progress: null, default);
        }

        await files.FinishAsync(file, default);
        Assert.True(rows > 0);

        // B never saw this export being made, and serves it.
        using var makerOnB = await two.B.SignedInHttpAsync(Maker);
        using var response = await makerOnB.GetAsync("/api/export/files/" + file.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(file.FileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(rows + 1, lines.Length);

        // Another officer of the same unit, on B: the same answer as for a link that does not exist.
        using var colleagueOnB = await two.B.SignedInHttpAsync("canbo2.vithanh@haugiang.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await colleagueOnB.GetAsync("/api/export/files/" + file.Token)).StatusCode);

        // 15 minutes after it was finished, B has forgotten it, and swept it from the database. (Each test app's clock
        // starts when it is built, so B's is a few seconds behind A's: B is first brought to A's time.)
        two.B.Clock.Advance(two.A.Now - two.B.Now + ExportFiles.Lifetime);
        Assert.Equal(HttpStatusCode.NotFound, (await makerOnB.GetAsync("/api/export/files/" + file.Token)).StatusCode);
        await using var db = two.B.CreateDbContext();
        Assert.False(await db.ExportFiles.AnyAsync(f => f.Token == file.Token));
        Assert.False(await db.ExportFileChunks.AnyAsync(c => c.Token == file.Token));
    }

    [Fact]
    public async Task One_clients_rate_limit_holds_across_both_instances()
    {
        var (_, key) = await two.A.CreateApiClientAsync(requestsPerMinute: 4);
        using var onA = two.A.Http();
        using var onB = two.B.Http();

        // Four requests spread over A and B pass: each instance alone would allow four.
        foreach (var http in new[] { onA, onB, onA, onB })
        {
            using var ok = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        // The fifth is refused on either, in Open311's format, with the time left in the shared window.
        foreach (var http in new[] { onA, onB })
        {
            using var refused = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
        }

        // Another client has its own window.
        var (_, other) = await two.A.CreateApiClientAsync(requestsPerMinute: 4);
        using var fine = await onB.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(other)));
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Fact]
    public async Task The_status_page_lists_both_instances()
    {
        var admin = await two.A.UserAsync(IntakeTestExtensions.Admin);
        var status = two.A.Services.GetRequiredService<SystemStatusService>();
        SystemStatusService.Snapshot? snapshot = null;
        for (var tries = 0; tries < 100; tries++)
        {
            snapshot = await status.TakeAsync(admin);
            if (snapshot!.Instances.Count == 2)
            {
                break;
            }

            await Task.Delay(100); // B's first heartbeat is written as it starts
        }

        Assert.True(snapshot!.InstancesShared);
        Assert.Equal("hg-a", snapshot.InstanceName);
        Assert.Equal(["hg-a", "hg-b"], snapshot.Instances.Select(i => i.Name));

        // The page itself, as an admin on B sees it.
        using var adminOnB = await two.B.SignedInHttpAsync(IntakeTestExtensions.Admin);
        var html = await adminOnB.GetStringAsync("/admin/status");
        Assert.Contains("data-instance=\"hg-a\"", html, StringComparison.Ordinal);
        Assert.Contains("data-instance=\"hg-b\"", html, StringComparison.Ordinal);
    }
}

/// <summary>
/// Instances and Redis going away (two fresh instances per test): a stopped instance leaves the list; with Redis
/// gone each instance counts its clients alone (and still refuses over the limit), and sees only itself.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class MultiInstanceOutageTests : IDisposable
{
    private readonly TwoInstances _two = new();

    [Fact]
    public async Task With_Redis_gone_each_instance_falls_back_to_its_own_window()
    {
        var (_, key) = await _two.A.CreateApiClientAsync(requestsPerMinute: 2);
        _two.Redis.Stop();

        foreach (var app in new[] { _two.A, _two.B })
        {
            using var http = app.Http();
            for (var i = 0; i < 2; i++)
            {
                using var ok = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
                Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            }

            using var refused = await http.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.Contains("Retry-After"));
        }

        var admin = await _two.B.UserAsync(IntakeTestExtensions.Admin);
        var snapshot = await _two.B.Services.GetRequiredService<SystemStatusService>().TakeAsync(admin);
        Assert.Equal(["hg-b"], snapshot!.Instances.Select(i => i.Name));
    }

    [Fact]
    public async Task An_instance_that_stops_leaves_the_status_page()
    {
        var admin = await _two.A.UserAsync(IntakeTestExtensions.Admin);
        var status = _two.A.Services.GetRequiredService<SystemStatusService>();
        for (var tries = 0; tries < 100 && (await status.TakeAsync(admin))!.Instances.Count < 2; tries++)
        {
            await Task.Delay(100); // B's first heartbeat is written as it starts
        }

        Assert.Equal(["hg-a", "hg-b"], (await status.TakeAsync(admin))!.Instances.Select(i => i.Name));

        _two.B.Dispose(); // a clean stop removes its heartbeat at once, without waiting for it to expire

        Assert.Equal(["hg-a"], (await status.TakeAsync(admin))!.Instances.Select(i => i.Name));
    }

    public void Dispose() => _two.Dispose();
}
