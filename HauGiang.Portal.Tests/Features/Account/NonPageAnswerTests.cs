using System.Net;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>
/// Data and file endpoints answer a caller that is not signed in with 401, not a 302 to an HTML sign-in form;
/// pages still send people to the sign-in page (issue 13). EndpointAccessTests checks every endpoint and role.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class NonPageAnswerTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("GET", "/api/map/reports")]
    [InlineData("GET", "/api/map/areas")]
    [InlineData("GET", "/api/export/reports.csv")]
    [InlineData("GET", "/api/export/reports.xlsx")]
    [InlineData("GET", "/api/export/files/abc")]
    [InlineData("GET", "/photos/1")]
    [InlineData("GET", "/photos/1/thumb")]
    [InlineData("POST", "/hubs/reports/negotiate?negotiateVersion=1")]
    public async Task A_data_endpoint_answers_401_to_a_caller_who_is_not_signed_in(string method, string path)
    {
        using var http = app.Http();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_still_sends_a_visitor_to_the_sign_in_page()
    {
        using var http = app.Http();
        using var response = await http.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_officer_gets_the_data_and_is_refused_admin_pages_by_a_redirect()
    {
        using var http = await app.SignedInHttpAsync("canbo.vithanh@haugiang.demo");
        using (var areas = await http.GetAsync("/api/map/areas"))
        {
            Assert.Equal(HttpStatusCode.OK, areas.StatusCode);
        }

        using var admin = await http.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/Account/AccessDenied", admin.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
