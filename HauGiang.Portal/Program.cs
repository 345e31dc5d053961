using HauGiang.Portal.Components;
using HauGiang.Portal.Components.Account;
using HauGiang.Portal.Data;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Features.Backups;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Export;
using HauGiang.Portal.Features.Digest;
using HauGiang.Portal.Features.Health;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Map;
using HauGiang.Portal.Features.Notices;
using HauGiang.Portal.Features.Push;
using HauGiang.Portal.Features.Queue;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Features.ReplyTemplates;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Localization;
using HauGiang.Portal.Security;
using HauGiang.Portal.Telemetry;
using MudBlazor.Services;

// `restore --from <set>` puts a backup set back and exits, without starting the portal (Features/Backups).
var restore = RestoreCommand.Parse(args);
var builder = WebApplication.CreateBuilder(restore?.HostArgs ?? args);
if (restore is not null)
{
    Environment.ExitCode = await restore.RunAsync(builder.Configuration, builder.Environment, Console.Out);
    return;
}

// `rebuild-dashboard-counters` recomputes the dashboard's counters from the reports and exits (Features/Dashboard).
if (RebuildCountersCommand.Matches(args))
{
    builder.AddPortalData();
    await using var tool = builder.Build();
    Environment.ExitCode = await RebuildCountersCommand.RunAsync(tool.Services, Console.Out);
    return;
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
{
    // A closed or frozen browser's page is kept this long for it to come back, then dropped with its feed subscription.
    options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Circuits:DisconnectedRetentionSeconds", 180), 1, 3600));
});
// Kestrel's limits from configuration (e.g. Kestrel:Limits:KeepAliveTimeout=00:00:30): operators tune them per install.
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
builder.Services.AddMudServices();
builder.Services.Configure<HauGiang.Portal.Components.Shared.MapOptions>(builder.Configuration.GetSection(HauGiang.Portal.Components.Shared.MapOptions.Section));
builder.Services.AddSecureCookies();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddPortalTelemetry();
builder.AddPortalLocalization();
builder.AddPortalData();
builder.AddPortalIdentity();
builder.Services.AddNonPageChallenges();
builder.AddReportQueries();
builder.AddReports();
builder.AddQueue();
builder.AddMap();
builder.AddLive();
builder.AddNotices();
builder.AddDashboard();
builder.AddExport();
builder.AddAdmin();
builder.AddIntake();
builder.AddBackups();
builder.AddPush();
builder.AddDigest();
builder.AddReplyTemplates();

var app = builder.Build();

app.UseTrustedForwardedHeaders(app.Configuration);
app.UseSecurityHeaders();
app.UseContentSecurityPolicy();
app.UseSameOriginConnections(app.Configuration);
if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
if (app.Configuration.GetValue("HttpsRedirection", false))
{
    app.UseHttpsRedirection();
}

app.UseRequestLocalization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
{
    // frame-ancestors comes with the rest of the Content-Security-Policy (Security/ContentSecurityPolicy.cs).
    o.ContentSecurityFrameAncestorsPolicy = null;
    // Off by default: each compressed page connection keeps ~250 KB of zlib state in server memory for as long as
    // the page is open (docs/performance.md), and compression of secrets beside attacker text is a side channel.
    o.DisableWebSocketCompression = !app.Configuration.GetValue("Circuits:WebSocketCompression", false);
});
app.MapAdditionalIdentityEndpoints();
app.MapCultureSwitch();
app.MapLive();
app.MapMapEndpoints();
app.MapExportEndpoints();
app.MapIntake();
app.MapPush();
app.MapPortalHealth();
app.MapPortalTelemetry();

if (!await app.InitialiseDatabaseAsync())
{
    // The reason is in the log (one line); a non-zero exit tells systemd or Docker that the start failed.
    await app.DisposeAsync();
    Environment.ExitCode = 1;
    return;
}

await app.RunAsync();

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
