using System.Net;
using System.Text.RegularExpressions;
using HauGiang.Portal.Tests.Infrastructure;
using PortalSecurity = HauGiang.Portal.Security;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>
/// The Content-Security-Policy: scripts from this site only, plus the import map by the hash of the exact text the
/// page carries. The browser suite fails on any violation in the console (<see cref="NoCspViolationsAttribute"/>).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public partial class ContentSecurityPolicyTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/map", true)]
    [InlineData("/queue", true)]
    [InlineData("/khong-co-trang-nay", true)]
    public async Task Pages_allow_only_their_own_scripts_and_the_import_map_by_its_hash(string path, bool signedIn)
    {
        using var http = signedIn ? await SignedInAsync() : Client(new CookieContainer());
        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);

        var importMap = Assert.Single(ImportMap().Matches(html)).Groups["json"].Value;
        Assert.Equal($"script-src 'self' '{PortalSecurity.ContentSecurityPolicy.Hash(importMap)}'", directives["script-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("frame-ancestors 'self'", directives["frame-ancestors"]);
        Assert.Contains("https://tile.openstreetmap.org", directives["img-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);

        // Every other script is a file of this site.
        foreach (Match script in Script().Matches(html))
        {
            Assert.True(script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal) || script.Groups["attributes"].Value.Contains("importmap", StringComparison.Ordinal), script.Value);
        }
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.vn:8443/{z}/{x}/{y}.png", "https://*.tile.example.vn:8443")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("", null)]
    public void Tiles_are_allowed_from_the_configured_server(string tileUrl, string? origin) =>
        Assert.Equal(origin, PortalSecurity.ContentSecurityPolicy.TileOrigin(tileUrl));

    private async Task<HttpClient> SignedInAsync()
    {
        var http = Client(new CookieContainer());
        var fields = HtmlForms.HiddenFields(await http.GetStringAsync("/Account/Login"));
        fields["Input.Email"] = "dieuphoi@haugiang.demo";
        fields["Input.Password"] = PortalApp.Password;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    private HttpClient Client(CookieContainer jar) =>
        new(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    [GeneratedRegex("<script type=\"importmap\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    [GeneratedRegex("<script(?<attributes>[^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Script();
}
