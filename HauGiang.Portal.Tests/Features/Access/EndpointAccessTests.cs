using System.Net;
using System.Text;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Access;

/// <summary>
/// The guard that covers what is added later (issue 13): every endpoint and every routable page the app itself
/// registers (its <see cref="EndpointDataSource"/>) is called anonymously and as each role, and the answer must be
/// the one decided in <see cref="Decisions"/>. A new endpoint or page that is not in the table fails this test with
/// its name and what it answered: add a row once you have decided who may call it.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class EndpointAccessTests(EndpointAccessTests.EverythingOnApp app) : IClassFixture<EndpointAccessTests.EverythingOnApp>
{
    /// <summary>The app with its optional endpoints switched on (the Prometheus scrape), so that they are decided too.</summary>
    public sealed class EverythingOnApp() : PortalApp(reports: 400, new Dictionary<string, string?> { [Portal.Telemetry.TelemetryExtensions.PrometheusSetting] = "true" });

    /// <summary>Who calls: nobody signed in, then one demo account per role.</summary>
    private static readonly (string Name, string? Email)[] Callers =
    [
        ("anonymous", null),
        (Roles.Officer, "canbo.vithanh@haugiang.demo"),
        (Roles.DepartmentHead, "lanhdao.vithanh@haugiang.demo"),
        (Roles.Coordinator, "dieuphoi@haugiang.demo"),
        (Roles.Admin, "admin@haugiang.demo"),
    ];

    /// <summary>
    /// The decision for each endpoint: what anonymous, Officer, DepartmentHead, Coordinator and Admin get, in that
    /// order. <c>login</c>: a redirect to the sign-in page; <c>denied</c>: a redirect to the access-denied page;
    /// <c>redirect</c>: a redirect elsewhere; otherwise the status code. Pages are called with GET, other endpoints
    /// with each method they take and no body (so 400 where a form or an antiforgery token is required).
    /// </summary>
    private static readonly Dictionary<string, string> Decisions = new()
    {
        // Pages of the portal.
        ["GET /"] = "login 200 200 200 200",
        ["GET /queue"] = "login 200 200 200 200",
        ["GET /map"] = "login 200 200 200 200",
        ["GET /reports/{Code}"] = "login 200 200 200 200",
        ["GET /intake/new"] = "login 200 200 200 200",
        ["GET /dashboard"] = "login denied 200 200 200",
        ["GET /dashboard/month"] = "login denied 200 200 200",
        ["GET /admin"] = "login denied denied 200 200",
        ["GET /admin/categories"] = "login denied denied 200 200",
        ["GET /admin/units"] = "login denied denied 200 200",
        ["GET /admin/routing"] = "login denied denied 200 200",
        ["GET /admin/calendar"] = "login denied denied 200 200",
        ["GET /admin/templates"] = "login denied denied 200 200",   // reply templates: coordinators read
        ["GET /templates"] = "login denied 200 200 200",            // a head's own unit's reply templates
        ["GET /admin/users"] = "login denied denied denied 200",
        ["GET /admin/audit"] = "login denied denied denied 200",
        ["GET /admin/api-clients"] = "login denied denied denied 200",
        ["GET /admin/backups"] = "login denied denied denied 200",
        ["GET /admin/status"] = "login denied denied denied 200",
        ["GET /not-found"] = "200 200 200 200 200",
        ["GET /Error"] = "200 200 200 200 200",

        // Sign-in and account pages (static SSR, from the .NET template): open, or for the signed-in user only.
        ["GET /Account/Login"] = "200 200 200 200 200",
        ["GET /Account/AccessDenied"] = "200 200 200 200 200",
        ["GET /Account/Lockout"] = "200 200 200 200 200",
        ["GET /Account/InvalidUser"] = "200 200 200 200 200",
        ["GET /Account/ForgotPassword"] = "200 200 200 200 200",
        ["GET /Account/ForgotPasswordConfirmation"] = "200 200 200 200 200",
        ["GET /Account/InvalidPasswordReset"] = "200 200 200 200 200",
        ["GET /Account/ResetPassword"] = "redirect redirect redirect redirect redirect", // without a reset code
        ["GET /Account/ResetPasswordConfirmation"] = "200 200 200 200 200",
        ["GET /Account/LoginWith2fa"] = "login login login login login", // only between password and second factor
        ["GET /Account/LoginWithRecoveryCode"] = "login login login login login",
        ["GET /Account/Manage"] = "login 200 200 200 200",
        ["GET /Account/Manage/ChangePassword"] = "login 200 200 200 200",
        ["GET /Account/Manage/SetPassword"] = "login redirect redirect redirect redirect", // they have a password
        ["GET /Account/Manage/TwoFactorAuthentication"] = "login 200 200 200 200",
        ["GET /Account/Manage/EnableAuthenticator"] = "login 200 200 200 200",
        ["GET /Account/Manage/ResetAuthenticator"] = "login 200 200 200 200",
        ["GET /Account/Manage/Disable2fa"] = "login redirect redirect redirect redirect", // 2FA is not on
        ["GET /Account/Manage/GenerateRecoveryCodes"] = "login redirect redirect redirect redirect",
        ["GET /Account/Manage/Passkeys"] = "login 200 200 200 200",
        ["GET /Account/Manage/RenamePasskey/{Id}"] = "login 200 200 200 200", // says "not found" on the page
        ["GET /Account/Manage/Notices"] = "login 200 200 200 200", // the user's own notification choices
        ["GET /Account/Manage/Push"] = "login 200 200 200 200", // this user's own push devices

        // Account endpoints: without the antiforgery token of a page of this site, nothing happens.
        ["POST /Account/Logout"] = "400 400 400 400 400",
        ["POST /Account/PasskeyCreationOptions"] = "400 400 400 400 400",
        ["POST /Account/PasskeyRequestOptions"] = "400 400 400 400 400",
        ["GET /culture/{culture}"] = "redirect redirect redirect redirect redirect",

        // Data and files for the pages: 401 to a caller who is not signed in, never a redirect to a form.
        ["GET /api/map/reports"] = "401 200 200 200 200",
        ["GET /api/map/areas"] = "401 200 200 200 200",
        ["GET /api/export/reports.csv"] = "401 200 200 200 200",
        ["GET /api/export/reports.xlsx"] = "401 200 200 200 200",
        ["GET /api/export/files/{token}"] = "401 404 404 404 404", // a file only its maker can open
        ["GET /photos/{id:long}"] = "401 200 200 200 200",
        ["GET /photos/{id:long}/thumb"] = "401 200 200 200 200",

        // Web Push devices: the signed-in user's own, with the account page's antiforgery token (and a JSON body).
        ["POST /api/push/devices"] = "401 400 400 400 400",
        ["POST /api/push/devices/remove"] = "401 400 400 400 400",

        // The SignalR hub for wall displays and the mobile app: staff only.
        ["GET /hubs/reports"] = "401 400 400 400 400", // a connection needs its negotiated id
        ["POST /hubs/reports"] = "401 400 400 400 400",
        ["GET /hubs/reports/negotiate"] = "401 405 405 405 405",
        ["POST /hubs/reports/negotiate"] = "401 200 200 200 200",

        // Blazor's own endpoints: a circuit is opened by any page, signed in or not (pages check their users).
        ["GET /_blazor"] = "400 400 400 400 400",
        ["POST /_blazor"] = "400 400 400 400 400",
        ["GET /_blazor/negotiate"] = "405 405 405 405 405",
        ["POST /_blazor/negotiate"] = "200 200 200 200 200",
        ["GET /_blazor/disconnect/"] = "405 405 405 405 405",
        ["POST /_blazor/disconnect/"] = "400 400 400 400 400",
        ["GET /_blazor/initializers/"] = "200 200 200 200 200",
        ["POST /_blazor/initializers/"] = "200 200 200 200 200",
        ["GET /_framework/opaque-redirect"] = "400 400 400 400 400",
        ["GET /{**path:file}"] = "404 404 404 404 404", // files not found under wwwroot

        // Open311 for citizen apps: public reads; writes need an API key, whoever is signed in (cookies count for nothing).
        ["GET /open311/v2/discovery.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/services.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/services/{service_code}.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/requests.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/servicerequestupdates.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/requests/{service_request_id}.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/tokens/{token}.{format}"] = "200 200 200 200 200",
        ["GET /open311/v2/media/{id:long}.jpg"] = "404 404 404 404 404", // public result photos only: the id here is a citizen's photo
        ["POST /open311/v2/requests.{format}"] = "403 403 403 403 403",
        ["POST /open311/v2/requests/{service_request_id}/rating.{format}"] = "403 403 403 403 403",
        ["GET /openapi/{documentName}.json"] = "200 200 200 200 200",

        // The interactive reference of that document (Scalar, served from this site): public like the document.
        ["GET /open311/docs/{documentName?}"] = "200 200 200 200 200",
        ["GET /open311/docs/scalar.js"] = "200 200 200 200 200",
        ["GET /open311/docs/scalar.aspnetcore.js"] = "200 200 200 200 200",
        ["GET /open311/docs/favicon.svg"] = "200 200 200 200 200",

        // For load balancers and monitors: no data, only the state of each check.
        ["GET /health"] = "200 200 200 200 200",
        ["GET /health/live"] = "200 200 200 200 200",
        ["GET /health/ready"] = "200 200 200 200 200",
        ["POST /health"] = "200 200 200 200 200", // health checks answer any method
        ["POST /health/live"] = "200 200 200 200 200",
        ["POST /health/ready"] = "200 200 200 200 200",

        // Prometheus text (Telemetry:Prometheus:Enabled): admins, or a scraper with the bearer token (MetricsEndpointTests).
        ["GET /metrics"] = "401 403 403 403 200",
    };

    [Fact]
    public async Task Every_endpoint_and_page_answers_each_caller_as_decided()
    {
        var endpoints = Routable();
        Assert.NotEmpty(endpoints);
        var values = await RouteValuesAsync();

        var clients = new List<HttpClient>();
        foreach (var (_, email) in Callers)
        {
            clients.Add(email is null ? app.Http() : await app.SignedInHttpAsync(email));
        }

        var answers = new Dictionary<string, string[]>();
        for (var c = 0; c < Callers.Length; c++)
        {
            foreach (var (key, method, pattern) in endpoints)
            {
                var answer = await AnswerAsync(clients[c], method, Fill(pattern, values));
                (answers.TryGetValue(key, out var row) ? row : answers[key] = new string[Callers.Length])[c] = answer;
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        var problems = new StringBuilder();
        foreach (var (key, row) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var observed = string.Join(' ', row);
            if (!Decisions.TryGetValue(key, out var decided))
            {
                problems.AppendLine($"No decision for {key}: it answered \"{observed}\" ({string.Join(", ", Callers.Select(x => x.Name))}). Add [\"{key}\"] = \"…\" to {nameof(Decisions)}.");
            }
            else if (decided != observed)
            {
                problems.AppendLine($"{key}: decided \"{decided}\", answered \"{observed}\".");
            }
        }

        foreach (var key in Decisions.Keys.Except(answers.Keys))
        {
            problems.AppendLine($"{key} is in {nameof(Decisions)} but the app has no such endpoint any more: remove the row.");
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>Every endpoint to call: pages with GET, others with each of their methods; static files are left out.</summary>
    private List<(string Key, string Method, string Pattern)> Routable()
    {
        var list = new List<(string, string, string)>();
        foreach (var endpoint in Source().Endpoints.OfType<RouteEndpoint>().Where(e => !IsStaticAsset(e)))
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var methods = isPage ? ["GET"] : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")).Distinct())
            {
                list.Add(($"{method} {pattern}", method, pattern));
            }
        }

        return list.Distinct().ToList();
    }

    private EndpointDataSource Source()
    {
        _ = app.BaseUrl;
        return app.Services.GetRequiredService<EndpointDataSource>();
    }

    /// <summary>Files under wwwroot and the libraries' static web assets: public by nature, and thousands of them.</summary>
    private static bool IsStaticAsset(RouteEndpoint e) => e.Metadata.Any(m => m.GetType().FullName?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true);

    /// <summary>Real values from the seed for route parameters, so that an allowed caller reaches real data.</summary>
    private async Task<Dictionary<string, string>> RouteValuesAsync()
    {
        // A citizen's report with a photo, sent through Open311 at a point of Phường Vị Thanh (the officer's unit).
        var (_, key) = await app.CreateApiClientAsync();
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in IntakeTestExtensions.RequestFields(key))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Photos.TestImages.Jpeg(640, 480)), "media", "anh.jpg");
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", form);
        var code = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        await using var db = app.CreateDbContext();
        var report = await db.Reports.SingleAsync(r => r.Code == code);
        var photo = await db.ReportPhotos.Where(p => p.ReportId == report.Id).Select(p => p.Id).FirstAsync();
        var category = await db.Categories.Where(c => c.IsActive).Select(c => c.Code).FirstAsync();
        return new(StringComparer.Ordinal)
        {
            ["Code"] = report.Code,
            ["service_request_id"] = report.Code,
            ["token"] = report.Code,
            ["service_code"] = category,
            ["format"] = "json",
            ["id"] = photo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Id"] = "not-a-passkey",
            ["culture"] = "en",
            ["documentName"] = "open311",
        };
    }

    /// <summary>The pattern with its parameters filled ("{id:long}", "{Code}", "{**rest}").</summary>
    private static string Fill(string pattern, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\**(?<name>[^}:=?]+)[^}]*\}", m =>
            values.TryGetValue(m.Groups["name"].Value, out var v) ? Uri.EscapeDataString(v) : "x");

    private static async Task<string> AnswerAsync(HttpClient http, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Contains("/Account/Login", StringComparison.Ordinal) ? "login"
                : location.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? "denied"
                : "redirect";
        }

        return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
