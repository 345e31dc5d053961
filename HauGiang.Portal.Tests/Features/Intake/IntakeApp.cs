using System.Net;
using System.Text.RegularExpressions;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>The real app for the intake tests: the public reads are not rate-limited per IP here (tests read a lot).</summary>
public sealed class IntakeApp() : PortalApp(reports: 200, new Dictionary<string, string?> { ["Intake:AnonymousRequestsPerMinute"] = "100000" });

public static class IntakeTestExtensions
{
    public const string Admin = "admin@haugiang.demo";

    /// <summary>A new API client through the service the admin screen uses; returns its id and its key.</summary>
    public static async Task<(int Id, string Key)> CreateApiClientAsync(this PortalApp app, int requestsPerMinute = 10_000, string? name = null)
    {
        var admin = await app.UserAsync(Admin);
        var created = await app.Services.GetRequiredService<ApiClientService>().CreateAsync(admin, name ?? "Ứng dụng thử " + Guid.NewGuid().ToString("N")[..6], "test@example.vn", requestsPerMinute);
        return (created!.Id, created.Key);
    }

    /// <summary>A plain HTTP client on the app's real Kestrel address.</summary>
    public static HttpClient Http(this PortalApp app) => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    /// <summary>An HTTP client signed in through the real sign-in form (cookie), for the authorized photo endpoints.</summary>
    public static async Task<HttpClient> SignedInHttpAsync(this PortalApp app, string email)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var page = await http.GetStringAsync("/Account/Login");
        var fields = HtmlForms.HiddenFields(page);
        fields["Input.Email"] = email;
        fields["Input.Password"] = PortalApp.Password;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    /// <summary>Form fields of a valid request, to which a test adds or changes what it needs.</summary>
    public static Dictionary<string, string> RequestFields(string key, string serviceCode = "rac-thai", double lat = 9.783, double lon = 105.467, string? description = null) => new()
    {
        ["api_key"] = key,
        ["service_code"] = serviceCode,
        ["lat"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["long"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["description"] = description ?? "Rác thải ùn ứ trước chợ, kiểm thử " + Guid.NewGuid().ToString("N")[..8],
    };
}
