using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HauGiang.Portal.Telemetry;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace HauGiang.Portal.Tests.Features.Observability;

/// <summary>
/// A collector's OTLP/HTTP receiver on 127.0.0.1, as small as the protocol allows: it takes POST /v1/traces,
/// /v1/metrics and /v1/logs (protobuf), keeps the bodies and answers with an empty export response.
/// Protobuf keeps strings as plain UTF-8, so a span's path or a log's report code can be found in the bytes.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _bodies = new();

    public OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _bodies.Enqueue((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.First();
    }

    public string Url { get; }

    /// <summary>Whether a body of <paramref name="signal"/> contains every one of <paramref name="texts"/>.</summary>
    public bool Received(string signal, params string[] texts) =>
        _bodies.Any(b => b.Signal == signal && texts.All(t => b.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0));

    public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>The portal exporting traces, metrics and logs over OTLP/HTTP to a receiver of the test's own.</summary>
public sealed class OtlpFixture : IDisposable
{
    public OtlpFixture()
    {
        Receiver = new OtlpReceiver();
        App = new OtlpPortalApp(Receiver.Url);
    }

    public OtlpReceiver Receiver { get; }

    public PortalApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        Receiver.Dispose();
    }

    private sealed class OtlpPortalApp(string endpoint) : PortalApp(reports: 20, new Dictionary<string, string?>
    {
        [TelemetryExtensions.OtlpEndpointSetting] = endpoint,
        [TelemetryExtensions.OtlpProtocolSetting] = "http/protobuf",
    });
}

[Trait(Tier.Key, Tier.App)]
public class OtlpExportTests(OtlpFixture fixture) : IClassFixture<OtlpFixture>
{
    [Fact]
    public async Task An_Open311_post_reaches_the_collector_as_a_span_with_its_report_code_and_its_log_line_carries_the_code()
    {
        var app = fixture.App;
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var code = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        // The server span ends just after the answer is sent: flush (the export itself is synchronous) until it is out.
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var logs = app.Services.GetRequiredService<LoggerProvider>();
        for (var attempt = 0; attempt < 100 && !(SpanArrived(code) && LogArrived(code)); attempt++)
        {
            tracer.ForceFlush(10_000);
            logs.ForceFlush(10_000);
            if (!SpanArrived(code))
            {
                await Task.Delay(100);
            }
        }

        Assert.True(SpanArrived(code), "the span of POST /open311/v2/requests.json, tagged with the report code, reached the collector");
        Assert.True(fixture.Receiver.Received("traces", "OpenTelemetry.Instrumentation.EntityFrameworkCore"), "the database commands are traced");
        Assert.True(LogArrived(code), "the intake's log line reached the collector with ReportCode in its scope");
    }

    private bool SpanArrived(string code) => fixture.Receiver.Received("traces", "/open311/v2/requests.json", ReportLog.SpanTag, code);

    private bool LogArrived(string code) => fixture.Receiver.Received("logs", "Received", "ReportCode", code);
}
