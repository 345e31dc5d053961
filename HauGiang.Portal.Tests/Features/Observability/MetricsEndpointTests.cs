using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Telemetry;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Observability;

/// <summary>The app with the Prometheus endpoint on, a scrapers' token, and no cached scrape (each scrape is fresh).</summary>
public sealed class PrometheusApp() : PortalApp(reports: 50, new Dictionary<string, string?>
{
    [TelemetryExtensions.PrometheusSetting] = "true",
    [TelemetryExtensions.ScrapeTokenSetting] = PrometheusApp.Token,
    [TelemetryExtensions.PrometheusCacheSetting] = "0",
})
{
    public const string Token = "test-scrape-token-0123456789abcdef0123456789";
}

/// <summary>
/// /metrics as Prometheus reads it: refused to anyone but admins and the scrapers' token, and the portal's own
/// meters move when a citizen's report comes in through Open311, an officer acts on it, the live feed delivers the
/// change to an open page, and someone exports.
/// </summary>
[Trait(Tier.Key, Tier.App)]
[Collection(MeterCollection.Name)]
public class MetricsEndpointTests(PrometheusApp app) : IClassFixture<PrometheusApp>
{
    [Fact]
    public async Task Only_admins_and_the_scrapers_token_read_the_metrics()
    {
        using var anonymous = app.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        using var wrongToken = app.Http();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PrometheusApp.Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/metrics")).StatusCode);

        foreach (var email in new[] { "canbo.vithanh@haugiang.demo", "dieuphoi@haugiang.demo" })
        {
            using var staff = await app.SignedInHttpAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/metrics")).StatusCode);
        }

        using var admin = await app.SignedInHttpAsync(IntakeTestExtensions.Admin);
        using var adminAnswer = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
        Assert.StartsWith("text/plain", adminAnswer.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE haugiang_circuits_open", await adminAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scraped = await ScrapeAsync();
        Assert.Contains("# TYPE haugiang_circuits_open", scraped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_officer_actions_live_delivery_and_exports_move_the_portals_meters()
    {
        var before = await ScrapeAsync();

        // A page listening to the live feed, as an open queue does.
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = app.Services.GetRequiredService<ReportFeed>().Subscribe(FeedScope.Everything, (changes, _) =>
        {
            heard.TrySetResult(changes[0].Code);
            return Task.CompletedTask;
        });

        // A citizen's report through Open311.
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var code = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal(code, await heard.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        // The ward's officer takes it in.
        Report report;
        await using (var db = app.CreateDbContext())
        {
            report = await db.Reports.SingleAsync(r => r.Code == code);
        }

        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var accepted = await app.Services.GetRequiredService<ReportActions>().ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Accept, report.Version));
        Assert.Equal(ActionOutcome.Done, accepted.Outcome);

        // An export of the queue.
        using var admin = await app.SignedInHttpAsync(IntakeTestExtensions.Admin);
        using var csv = await admin.GetAsync("/api/export/reports.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        await csv.Content.ReadAsByteArrayAsync();

        // At least: OpenTelemetry listens to meters by name, so other apps that tests run in this process at the same
        // time add theirs (in production one process is one portal).
        var after = await ScrapeAsync();
        Assert.True(Value(after, "haugiang_reports_received_total", "channel=\"open311\"") >= Value(before, "haugiang_reports_received_total", "channel=\"open311\"") + 1, "the Open311 report is counted");
        Assert.True(Value(after, "haugiang_reports_actions_total", "action=\"accept\"") >= Value(before, "haugiang_reports_actions_total", "action=\"accept\"") + 1, "the acceptance is counted");
        Assert.True(Value(after, "haugiang_live_delivery_lag_seconds_count", "") > Value(before, "haugiang_live_delivery_lag_seconds_count", ""), "the page's delivery is measured");
        Assert.True(Value(after, "haugiang_live_mailbox_depth_count", "") > Value(before, "haugiang_live_mailbox_depth_count", ""), "the page's mailbox depth is measured");
        Assert.True(Value(after, "haugiang_live_subscribers", "") >= 1, "the listening page is counted");
        Assert.True(Value(after, "haugiang_exports_total", "format=\"csv\"") >= Value(before, "haugiang_exports_total", "format=\"csv\"") + 1, "the export is counted");
        Assert.True(Value(after, "http_server_request_duration_seconds_count", "http_route=\"/open311/v2/requests.{format}\"") >= 1, "ASP.NET Core's request metrics carry the route");
    }

    private async Task<string> ScrapeAsync()
    {
        using var scraper = app.Http();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PrometheusApp.Token);
        using var response = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/> (0 when none is there yet).</summary>
    private static double Value(string exposition, string metric, string label) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => l.Contains(label, StringComparison.Ordinal))
            .Sum(l =>
            {
                var parts = l.Split(' ');
                return double.Parse(parts[parts.Length - 1 - (LooksLikeTimestamp(l) ? 1 : 0)], CultureInfo.InvariantCulture);
            });

    /// <summary>A sample line may end with a millisecond timestamp after its value.</summary>
    private static bool LooksLikeTimestamp(string line)
    {
        var labelsEnd = line.LastIndexOf('}');
        var parts = line[(labelsEnd + 1)..].Trim().Split(' ');
        return parts.Length == 2;
    }
}
