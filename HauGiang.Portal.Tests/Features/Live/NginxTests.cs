using System.Net;
using System.Net.WebSockets;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>Runs only where Debian's nginx is installed (scripts/test.sh installs it, as CI runs it).</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (!NginxServer.Installed)
        {
            Skip = $"nginx is not installed ({NginxServer.Executable}): apt-get install nginx, or run scripts/test.sh as root, which does.";
        }
    }
}

/// <summary>
/// docs/deploy.md's nginx configuration, as written, in front of two instances (one SQLite file, one real Redis)
/// that trust it as their proxy; keyless Open311 callers get 3 calls a minute.
/// </summary>
public sealed class ProxiedInstances : IDisposable
{
    public ProxiedInstances()
    {
        if (!NginxServer.Installed)
        {
            return;
        }

        Redis = new RedisServer();
        A = new AppInstance(Settings("hg-a"));
        _ = A.BaseUrl;
        B = new AppInstance(Settings("hg-b"), A.DatabasePath);
        Nginx = new NginxServer([A.BaseUrl, B.BaseUrl]);
    }

    public RedisServer? Redis { get; }

    public AppInstance? A { get; }

    public AppInstance? B { get; }

    public NginxServer? Nginx { get; }

    public void Dispose()
    {
        Nginx?.Dispose();
        B?.Dispose();
        A?.Dispose();
        Redis?.Dispose();
    }

    private Dictionary<string, string?> Settings(string name) => new()
    {
        ["Redis:Configuration"] = Redis!.Configuration,
        ["Instances:Name"] = name,
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["Intake:AnonymousRequestsPerMinute"] = "3",
    };
}

[Trait(Tier.Key, Tier.App)]
public sealed class NginxTests(ProxiedInstances proxied) : IClassFixture<ProxiedInstances>
{
    private NginxServer Nginx => proxied.Nginx!;

    [NginxFact]
    public async Task Pages_load_over_https_through_nginx_and_the_app_knows_it_was_https()
    {
        using var http = Nginx.Client();
        using var page = await http.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Input.Email", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // X-Forwarded-Proto reached the app: its cookies are Secure (direct http would give plain ones).
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // Plain http is sent to https.
        using var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await plain.GetAsync($"http://127.0.0.1:{Nginx.HttpPort}/queue");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https://127.0.0.1/queue", redirect.Headers.Location?.ToString());
    }

    [NginxFact]
    public async Task Open311_posts_through_nginx_are_received_by_both_instances()
    {
        var (_, key) = await proxied.A!.CreateApiClientAsync();
        using var http = Nginx.Client();
        var descriptions = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var description = "Qua nginx " + Guid.NewGuid().ToString("N");
            descriptions.Add(description);
            // nginx picks an instance per request (round robin): four requests reach both.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            {
                Content = new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, description: description)),
            };
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await using var db = proxied.B!.CreateDbContext();
        Assert.Equal(4, await db.Reports.CountAsync(r => descriptions.Contains(r.Description)));
        var log = Nginx.AccessLog;
        Assert.Contains(new Uri(proxied.A!.BaseUrl).Authority, log, StringComparison.Ordinal);
        Assert.Contains(new Uri(proxied.B.BaseUrl).Authority, log, StringComparison.Ordinal);
    }

    [NginxFact]
    public async Task Blazor_connections_upgrade_to_a_WebSocket_through_nginx()
    {
        // Twice, so that both instances (round robin) answer one; with the page's own Origin, as a browser sends it.
        for (var i = 0; i < 2; i++)
        {
            using var socket = new ClientWebSocket();
            socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => Nginx.Trusted(certificate);
            socket.Options.SetRequestHeader("Origin", Nginx.HttpsUrl);
            socket.Options.CollectHttpResponseDetails = true;
            await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{Nginx.HttpsPort}/_blazor"), default);
            Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
            Assert.Equal(WebSocketState.Open, socket.State);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        }

        // Another site's page may not open one (the Host nginx passes on carries the port the Origin names).
        using var foreign = new ClientWebSocket();
        foreign.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => Nginx.Trusted(certificate);
        foreign.Options.SetRequestHeader("Origin", "https://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(new Uri($"wss://127.0.0.1:{Nginx.HttpsPort}/_blazor"), default));
    }

    [NginxFact]
    public async Task The_app_counts_each_clients_own_address_not_nginxs()
    {
        // Two phones behind nginx (two loopback addresses): 3 keyless calls a minute each, over both instances.
        using var first = Nginx.Client(from: "127.0.0.2");
        using var second = Nginx.Client(from: "127.0.0.3");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ServicesAsync(first));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await ServicesAsync(first));
        Assert.Equal(HttpStatusCode.OK, await ServicesAsync(second));
    }

    private static async Task<HttpStatusCode> ServicesAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
