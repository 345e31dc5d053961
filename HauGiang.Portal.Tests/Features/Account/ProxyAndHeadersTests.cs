using System.Net;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>The app behind its reverse proxy (a proxy on this machine is trusted here); keyless callers get 3 calls a minute.</summary>
public sealed class BehindProxyApp() : PortalApp(reports: 20, new Dictionary<string, string?>
{
    ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
    ["Intake:AnonymousRequestsPerMinute"] = "3",
});

/// <summary>The same in Production, where HSTS is sent.</summary>
public sealed class ProductionBehindProxyApp() : PortalApp(reports: 0, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" })
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
    }
}

/// <summary>Cookies are Secure when the proxy says the client came over HTTPS — only when the proxy is trusted.</summary>
[Trait(Tier.Key, Tier.App)]
public class ProxyAndHeadersTests(BehindProxyApp behindProxy, PortalApp direct, ProductionBehindProxyApp production)
    : IClassFixture<BehindProxyApp>, IClassFixture<PortalApp>, IClassFixture<ProductionBehindProxyApp>
{
    [Fact]
    public async Task In_production_behind_a_trusted_proxy_browsers_are_told_to_stay_on_https()
    {
        Assert.Contains("max-age=", await HstsAsync(production, "https"), StringComparison.Ordinal);
        Assert.Equal("", await HstsAsync(production, "http"));
    }

    [Fact]
    public async Task Keyless_callers_behind_the_proxy_are_limited_each_by_their_own_address()
    {
        using var http = behindProxy.Http();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ServicesStatusAsync(http, "203.0.113.5"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await ServicesStatusAsync(http, "203.0.113.5"));
        // Another citizen's app behind the same proxy still gets in.
        Assert.Equal(HttpStatusCode.OK, await ServicesStatusAsync(http, "203.0.113.9"));
    }

    [Fact]
    public async Task A_trusted_proxy_saying_https_makes_cookies_secure()
    {
        var cookies = await SignInPageCookiesAsync(behindProxy);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_a_trusted_proxy_the_header_is_ignored() =>
        Assert.All(await SignInPageCookiesAsync(direct), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/open311/v2/services.json")]
    public async Task Every_answer_forbids_sniffing_and_keeps_its_address_to_itself(string path)
    {
        using var http = direct.Http();
        using var response = await http.GetAsync(path);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("microphone=()", string.Join(",", response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> ServicesStatusAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The HSTS header of the sign-in page under the portal's real name, as the proxy forwards it.</summary>
    private static async Task<string> HstsAsync(PortalApp app, string scheme)
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "phananh.haugiang.gov.vn";
        request.Headers.Add("X-Forwarded-Proto", scheme);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(",", values) : "";
    }

    /// <summary>The cookies of the sign-in page, asked for as a proxy would after an HTTPS request.</summary>
    private static async Task<List<string>> SignInPageCookiesAsync(PortalApp app)
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").ToList();
    }
}
