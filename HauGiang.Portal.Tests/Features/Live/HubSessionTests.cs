using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>The app with open connections re-checked every second (30 s in use).</summary>
public sealed class SessionApp() : PortalApp(reports: 30, new Dictionary<string, string?> { ["Identity:RevalidationSeconds"] = "1" });

/// <summary>
/// <c>/hubs/reports</c> as a wall display or a foreign page would use it: a connection ends with its user's session
/// (sign-out, lock, a stamp changed on another instance), and browsers on other sites cannot connect at all.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class HubSessionTests(SessionApp app) : IClassFixture<SessionApp>
{
    // An upper bound for "at once" that a busy CI machine cannot reach by accident; quiet, it is a few milliseconds.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_connection_receives_its_units_changes_until_an_admin_locks_the_user_then_it_is_closed()
    {
        const string email = "canbo.31338@haugiang.demo";
        var (connection, received, closed) = await ConnectAsync(await SignInAsync(email));
        var officer = await app.UserAsync(email);
        Publish(officer.UnitId, "HG-TEST-000001");
        Assert.Equal("HG-TEST-000001", (await received.Reader.ReadAsync().AsTask().WaitAsync(Soon)).Code);

        var admin = await app.UserAsync("admin@haugiang.demo");
        Assert.True((await app.Services.GetRequiredService<UserAdminService>().SetDisabledAsync(admin, officer.Id, disabled: true)).Succeeded);

        await closed.Task.WaitAsync(Soon);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Publish(officer.UnitId, "HG-TEST-000002");
        Assert.False(received.Reader.TryRead(out _));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Signing_out_closes_the_users_hub_connections()
    {
        var jar = await SignInAsync("canbo.31333@haugiang.demo");
        var (connection, _, closed) = await ConnectAsync(jar);

        using var http = Client(jar);
        var fields = HtmlForms.HiddenFields(await http.GetStringAsync("/queue"));
        using (var signedOut = await http.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await closed.Task.WaitAsync(Soon);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task A_security_stamp_changed_elsewhere_closes_the_connection_at_the_next_revalidation()
    {
        const string email = "canbo.so-yt@haugiang.demo";
        var (connection, _, closed) = await ConnectAsync(await SignInAsync(email));

        // As another instance would: the stamp changes in the database, this instance is not told.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        await closed.Task.WaitAsync(Soon);
        await connection.DisposeAsync();
    }

    [Theory]
    [InlineData("/hubs/reports/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiating_from_a_foreign_origin_is_forbidden(string path)
    {
        using var http = Client(await SignInAsync("dieuphoi@haugiang.demo"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(http, path, "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(http, path, "null"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(http, path, app.BaseUrl));
    }

    [Fact]
    public async Task A_WebSocket_from_a_foreign_origin_is_refused_and_from_the_site_itself_accepted()
    {
        var jar = await SignInAsync("dieuphoi@haugiang.demo");
        var url = new Uri(app.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/hubs/reports");

        using var foreign = NewSocket(jar, "https://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(url, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);

        using var own = NewSocket(jar, app.BaseUrl);
        await own.ConnectAsync(url, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    private static ClientWebSocket NewSocket(CookieContainer jar, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = jar;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        return socket;
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient http, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private void Publish(int? unitId, string code) =>
        app.Services.GetRequiredService<ReportFeed>().Publish(new ReportChange(1, code, unitId, null, ReportState.New, 1, true, null, null, app.Now));

    private async Task<(HubConnection Connection, Channel<ReportChange> Received, TaskCompletionSource Closed)> ConnectAsync(CookieContainer jar)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(app.BaseUrl + ReportsHub.Path, o =>
            {
                o.Cookies = jar;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var received = Channel.CreateUnbounded<ReportChange>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<ReportChange>("reportChanged", change => received.Writer.TryWrite(change));
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return (connection, received, closed);
    }

    private async Task<CookieContainer> SignInAsync(string email)
    {
        var jar = new CookieContainer();
        using var http = Client(jar);
        var fields = HtmlForms.HiddenFields(await http.GetStringAsync("/Account/Login"));
        fields["Input.Email"] = email;
        fields["Input.Password"] = PortalApp.Password;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return jar;
    }

    private HttpClient Client(CookieContainer jar) =>
        new(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
}
