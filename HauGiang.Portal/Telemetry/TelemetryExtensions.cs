using System.Security.Cryptography;
using System.Text;
using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HauGiang.Portal.Telemetry;

/// <summary>
/// Traces, metrics and logs with OpenTelemetry, exported over OTLP when <c>Telemetry:Otlp:Endpoint</c> (or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set, and/or served as Prometheus text at <c>/metrics</c> when
/// <c>Telemetry:Prometheus:Enabled</c> is true. With neither, no OpenTelemetry SDK is registered at all: the
/// portal's instruments (<see cref="PortalMetrics"/>) then have no listener and cost a flag check per call.
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointSetting = "Telemetry:Otlp:Endpoint";
    public const string OtlpProtocolSetting = "Telemetry:Otlp:Protocol";
    public const string PrometheusSetting = "Telemetry:Prometheus:Enabled";
    public const string PrometheusPathSetting = "Telemetry:Prometheus:Path";
    public const string ScrapeTokenSetting = "Telemetry:Prometheus:ScrapeToken";
    public const string PrometheusCacheSetting = "Telemetry:Prometheus:CacheMilliseconds";
    public const string ScrapePolicy = "ScrapeMetrics";

    /// <summary>What the ASP.NET Core, Blazor and SignalR parts of .NET 10 publish, beyond the instrumentation packages.</summary>
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.Http.Connections", // SignalR connections: the hub's and the circuits'
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
        "Microsoft.EntityFrameworkCore",
        "System.Net.Http",
    ];

    private static readonly string[] FrameworkSources = ["Microsoft.AspNetCore.SignalR.Server", "Microsoft.AspNetCore.Components"];

    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalMetrics>();
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        builder.Services.AddSingleton<PortalInstance>();

        var otlp = OtlpEndpoint(builder.Configuration);
        var prometheus = builder.Configuration.GetValue(PrometheusSetting, false);
        if (otlp is null && !prometheus)
        {
            return builder;
        }

        var metricsPath = MetricsPath(builder.Configuration);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("haugiang-portal", serviceVersion: PortalInstance.Version, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path, metricsPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(FrameworkSources))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(FrameworkMeters).AddMeter(PortalMetrics.MeterName);
                if (prometheus)
                {
                    // Scrapes within this time get the same answer: several Prometheus servers cost one collection.
                    var cache = Math.Clamp(builder.Configuration.GetValue(PrometheusCacheSetting, 300), 0, 60_000);
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = cache);
                }
            });

        if (otlp is not null)
        {
            // Logs too (UseOtlpExporter turns logging on), with their scopes (ReportCode, TraceId) as attributes.
            otel.WithLogging(configureBuilder: null, configureOptions: o => o.IncludeScopes = true)
                .UseOtlpExporter(OtlpProtocol(builder.Configuration), otlp);
        }

        if (prometheus)
        {
            var token = ScrapeToken(builder.Configuration);
            builder.Services.AddAuthorizationBuilder().AddPolicy(ScrapePolicy, p => p.RequireAssertion(context =>
                context.User.IsInRole(Roles.Admin) || (token is not null && context.Resource is HttpContext http && CarriesToken(http, token))));
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> (or <c>Telemetry:Prometheus:Path</c>) when Prometheus is enabled: admins signed in, or a
    /// scraper with <c>Authorization: Bearer</c> and the configured <c>Telemetry:Prometheus:ScrapeToken</c>.
    /// Anyone else gets 401 (not signed in) or 403: request counts and circuits say how busy the portal is.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalTelemetry(this IEndpointRouteBuilder app)
    {
        _ = app.ServiceProvider.GetRequiredService<PortalInstance>(); // uptime counts from here
        _ = app.ServiceProvider.GetRequiredService<CircuitCounter>(); // its instruments exist before the first page opens
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue(PrometheusSetting, false))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath(configuration))
                .WithMetadata(new HttpMethodMetadata(["GET"])) // the exporter maps every method; Prometheus only GETs
                .RequireAuthorization(ScrapePolicy)
                .ExcludeFromDescription();
        }

        return app;
    }

    internal static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration[OtlpEndpointSetting] is { Length: > 0 } own ? own : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } url
            ? new Uri(url, UriKind.Absolute)
            : null;

    /// <summary>gRPC (port 4317) unless <c>http/protobuf</c> (port 4318) is asked for, as the OTLP specification says.</summary>
    private static OtlpExportProtocol OtlpProtocol(IConfiguration configuration) =>
        (configuration[OtlpProtocolSetting] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) is { } p
            && (p.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) || p.Equals("HttpProtobuf", StringComparison.OrdinalIgnoreCase))
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;

    private static string MetricsPath(IConfiguration configuration) => configuration[PrometheusPathSetting] is { Length: > 0 } path ? path : "/metrics";

    /// <summary>Health probes and scrapes come every few seconds from machines: a trace each would drown the officers' requests.</summary>
    private static bool IsOperational(PathString path, string metricsPath) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(metricsPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The scrapers' token, hashed; a short one is refused at start (it would be guessable).</summary>
    private static byte[]? ScrapeToken(IConfiguration configuration)
    {
        var token = configuration[ScrapeTokenSetting];
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return token.Length < 32
            ? throw new InvalidOperationException($"{ScrapeTokenSetting} must be at least 32 characters long (e.g. `openssl rand -hex 32`).")
            : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    private static bool CarriesToken(HttpContext http, byte[] expected)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim())), expected);
    }
}
