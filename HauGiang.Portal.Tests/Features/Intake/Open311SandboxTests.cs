using System.Net;
using System.Text.Json;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// The sandbox: a test client's requests are stored and answered through Open311 like any other, but no officer,
/// coordinator, queue, count or dashboard ever sees them — and a real client's list never shows them.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311SandboxTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Base = "/open311/v2";
    private const string Coordinator = "dieuphoi@haugiang.demo";
    private const string WardHead = "lanhdao.vithanh@haugiang.demo";

    [Fact]
    public async Task A_test_clients_request_is_answered_through_open311_but_reaches_no_officers_queue_or_count()
    {
        var coordinator = await app.UserAsync(Coordinator);
        var head = await app.UserAsync(WardHead);
        var sandboxKey = await CreateClientAsync(isTest: true);
        var realKey = await CreateClientAsync(isTest: false);
        var before = await FiguresAsync(coordinator, head);

        using var http = app.Http();
        var (code, notice) = await PostAsync(http, sandboxKey);
        Assert.Contains("sandbox", notice, StringComparison.Ordinal);
        Assert.Contains("Phường Vị Thanh", notice, StringComparison.Ordinal);

        // Open311 answers it: by code for anyone, and in the lists of the sandbox's own clients only.
        Assert.Contains(code, await GetAsync(http, $"{Base}/requests/{code}.json"), StringComparison.Ordinal);
        Assert.Contains(code, await GetAsync(http, $"{Base}/requests.json?service_request_id={code}&api_key={sandboxKey}"), StringComparison.Ordinal);
        Assert.Contains(code, await GetAsync(http, $"{Base}/requests.json?api_key={sandboxKey}"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await GetAsync(http, $"{Base}/requests.json?service_request_id={code}&api_key={realKey}"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await GetAsync(http, $"{Base}/requests.json"), StringComparison.Ordinal);

        // No officer sees it: not the ward's head (it was never given to the ward), not the coordinators.
        Assert.Equal(before, await FiguresAsync(coordinator, head));
        var queue = app.Services.GetRequiredService<ReportQueryService>();
        Assert.Empty((await queue.GetPageAsync(coordinator, new ReportFilter { Tab = QueueTab.All, Text = code }, null, english: false)).Rows);
        Assert.Null(await app.Services.GetRequiredService<ReportService>().GetAsync(coordinator, code, english: false));
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
            Assert.True(stored.IsTest);
            Assert.Null(stored.UnitId);
        }

        // The same request from a real client is counted, by the coordinators and by the ward it goes to.
        var (realCode, _) = await PostAsync(http, realKey);
        var after = await FiguresAsync(coordinator, head);
        Assert.Equal(before.CoordinatorAll + 1, after.CoordinatorAll);
        Assert.Equal(before.HeadAll + 1, after.HeadAll);
        Assert.Equal(before.HeadNewToday + 1, after.HeadNewToday);
        Assert.Equal(before.StatusLastHour + 1, after.StatusLastHour);
        Assert.Single((await queue.GetPageAsync(coordinator, new ReportFilter { Tab = QueueTab.All, Text = realCode }, null, english: false)).Rows);
    }

    [Fact]
    public async Task Discovery_lists_a_production_and_a_test_endpoint()
    {
        using var http = app.Http();
        var endpoints = JsonDocument.Parse(await GetAsync(http, $"{Base}/discovery.json")).RootElement.GetProperty("endpoints").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["production", "test"], endpoints);
        Assert.Contains("<type>test</type>", await GetAsync(http, $"{Base}/discovery.xml"), StringComparison.Ordinal);
    }

    private sealed record Figures(int CoordinatorAll, int CoordinatorNew, int HeadAll, int HeadNewToday, int CoordinatorNewToday, int StatusLastHour);

    /// <summary>What the officers would notice: the queue's tab counts, the dashboard's "new today", the operations page's last hour.</summary>
    private async Task<Figures> FiguresAsync(Portal.Security.PortalUser coordinator, Portal.Security.PortalUser head)
    {
        var queue = app.Services.GetRequiredService<ReportQueryService>();
        var dashboard = app.Services.GetRequiredService<DashboardService>();
        var all = new ReportFilter { Tab = QueueTab.All };
        var c = await queue.GetCountsAsync(coordinator, all);
        var h = await queue.GetCountsAsync(head, all);
        var cTiles = (await dashboard.GetAsync(coordinator, new ReportFilter(), dashboard.LastDays(1), english: false)).Tiles;
        var hTiles = (await dashboard.GetAsync(head, new ReportFilter(), dashboard.LastDays(1), english: false)).Tiles;
        var status = await app.Services.GetRequiredService<Portal.Features.Admin.SystemStatusService>().TakeAsync(await app.UserAsync(IntakeTestExtensions.Admin));
        return new(c.All, c.New, h.All, hTiles.NewToday, cTiles.NewToday, status!.ReceivedLastHour);
    }

    private async Task<string> CreateClientAsync(bool isTest)
    {
        var admin = await app.UserAsync(IntakeTestExtensions.Admin);
        var created = await app.Services.GetRequiredService<ApiClientService>().CreateAsync(admin, (isTest ? "Sandbox " : "Thật ") + Guid.NewGuid().ToString("N")[..6], null, 10_000, isTest);
        return created!.Key;
    }

    private static async Task<(string Code, string Notice)> PostAsync(HttpClient http, string key)
    {
        using var response = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement[0];
        return (created.GetProperty("service_request_id").GetString()!, created.GetProperty("service_notice").GetString()!);
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return body;
    }
}
