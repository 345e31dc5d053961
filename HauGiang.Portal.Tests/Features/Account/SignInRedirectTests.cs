using System.Net;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>"Return to" addresses lead only to this site, and signing out ends the session everywhere.</summary>
[Trait(Tier.Key, Tier.App)]
public class SignInRedirectTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string> Elsewhere => ["//evil.example", "/\\evil.example", "/%09/evil.example", "/%5Cevil.example", "https://evil.example/", "javascript:alert(1)", "/\t/evil.example"];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public void Addresses_that_lead_elsewhere_are_not_local(string url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Theory]
    [InlineData("/queue?tab=Overdue&q=v%E1%BB%89a%20h%C3%A8")]
    [InlineData("/reports/HG-2026-000123")]
    [InlineData("/")]
    public void Paths_on_this_site_are_kept(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task Signing_in_with_a_crafted_return_address_stays_on_this_site(string returnUrl)
    {
        using var http = NewClient(new CookieContainer());
        var login = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        using var response = await PostLoginAsync(http, login);

        // Signed in (no error page), and sent home — or, for "javascript:…", to a path of this site that does not exist.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = new Uri(Landing(response));
        Assert.Equal(new Uri(app.BaseUrl).Authority, landing.Authority);
        Assert.True(LocalUrl.IsLocal(landing.PathAndQuery), landing.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task The_language_switch_with_a_crafted_return_address_goes_home(string returnUrl)
    {
        using var http = NewClient(new CookieContainer());
        using var response = await http.GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(app.BaseUrl + "/", Landing(response));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_of_a_copied_cookie_too()
    {
        var jar = new CookieContainer();
        using var http = NewClient(jar);
        using (var signedIn = await PostLoginAsync(http, "/Account/Login"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // Another tab or a stolen copy of the cookie, taken before signing out.
        var copy = new CookieContainer();
        copy.Add(jar.GetCookies(new Uri(app.BaseUrl)));
        using var other = NewClient(copy);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/queue")).StatusCode);

        var page = await http.GetStringAsync("/queue");
        var fields = Hidden(page);
        fields["returnUrl"] = "/\\evil.example";
        using var signedOut = await http.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(app.BaseUrl + "/", Landing(signedOut));

        // The copy is checked again within a minute (the cookie's validation interval), and refused.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var refused = await other.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passkey_request_without_its_antiforgery_token_is_a_bad_request()
    {
        using var http = NewClient(new CookieContainer());
        using var response = await http.PostAsync("/Account/PasskeyRequestOptions", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Where a redirect leads, as an absolute address (pages give absolute ones, endpoints relative ones).</summary>
    private string Landing(HttpResponseMessage response) => new Uri(new Uri(app.BaseUrl), response.Headers.Location!).AbsoluteUri;

    private HttpClient NewClient(CookieContainer jar) =>
        new(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string login)
    {
        var fields = Hidden(await http.GetStringAsync(login));
        fields["Input.Email"] = "canbo.vithanh@haugiang.demo";
        fields["Input.Password"] = PortalApp.Password;
        return await http.PostAsync(login, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Hidden(string page) => HtmlForms.HiddenFields(page);
}
