using System.Collections.Concurrent;
using System.Net;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HauGiang.Portal.Tests.Features.Observability;

/// <summary>The app with one more logging sink that keeps each line with the values of its scopes, as a log shipper sees them.</summary>
public sealed class LogCaptureApp() : PortalApp(reports: 20)
{
    public ScopeRecorder Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }
}

/// <summary>A logging provider that records every line of the portal's own categories with its scope values.</summary>
public sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(ScopeRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("HauGiang.", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((s, values) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (k, v) in pairs)
                    {
                        values[k] = v;
                    }
                }
            }, scope);
            owner.Lines.Enqueue((category, formatter(state, exception), scope));
        }
    }
}

/// <summary>A log line about a report carries its code, and one written during a request carries the request's trace id.</summary>
[Trait(Tier.Key, Tier.App)]
public class LogScopeTests(LogCaptureApp app) : IClassFixture<LogCaptureApp>
{
    [Fact]
    public async Task The_intake_log_line_carries_the_report_code_and_the_requests_trace_id()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var code = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var line = Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("Received " + code, StringComparison.Ordinal));
        Assert.Equal(code, line.Scope["ReportCode"]);
        Assert.Matches("^[0-9a-f]{32}$", line.Scope["TraceId"]?.ToString());
        Assert.NotEqual(new string('0', 32), line.Scope["TraceId"]?.ToString());
    }
}
