using System.Net;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>The app behind its reverse proxy (a proxy on this machine is trusted here).</summary>
public sealed class BehindProxyApp() : PortalApp(reports: 20, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });

/// <summary>Cookies are Secure when the proxy says the client came over HTTPS — only when the proxy is trusted.</summary>
public class ProxyAndHeadersTests(BehindProxyApp behindProxy, PortalApp direct) : IClassFixture<BehindProxyApp>, IClassFixture<PortalApp>
{
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
