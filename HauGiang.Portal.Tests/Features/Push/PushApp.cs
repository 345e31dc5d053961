using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HauGiang.Portal.Features.Push;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Push;

/// <summary>The portal with our local push service as the only one it may post to.</summary>
public sealed class PushApp(LocalPushService push) : PortalApp(reports: 200, new Dictionary<string, string?>
{
    ["Push:AllowedEndpoints"] = push.Origin,
    ["Intake:AnonymousRequestsPerMinute"] = "100000",
    ["Push:SendTimeoutSeconds"] = "5", // shortened for the hanging push service (10 s by default)
});

/// <summary>A local push service and the portal that sends to it, shared by the tests of a class.</summary>
public sealed class PushFixture : IAsyncLifetime
{
    public LocalPushService Push { get; } = new();

    public PushApp App { get; private set; } = default!;

    private long _before;

    public Task InitializeAsync()
    {
        App = new PushApp(Push);
        _ = App.BaseUrl;
        // Changes published before the push listener subscribed (if any) never reach it.
        _before = App.Services.GetRequiredService<HauGiang.Portal.Features.Live.ReportFeed>().Version - App.Services.GetRequiredService<PushFeedListener>().Handled;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Push.DisposeAsync();
    }

    /// <summary>
    /// Subscribes a new "browser" of this user as the account page does: the page gives the VAPID public key and the
    /// antiforgery token, and the subscription goes to the real <c>POST /api/push/devices</c>. Returns the browser
    /// and the page's VAPID key.
    /// </summary>
    public async Task<(TestBrowserSubscription Browser, string VapidKey)> SubscribeAsync(string email, string device)
    {
        using var http = await App.SignedInHttpAsync(email);
        var page = await http.GetStringAsync("/Account/Manage/Push");
        string Attribute(string name) => SwitchAttribute(page, name);

        var browser = new TestBrowserSubscription(Push.EndpointFor(device));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/push/devices") { Content = JsonContent.Create(browser.Json) };
        request.Headers.Add(Attribute("request-token-name"), Attribute("request-token-value"));
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (browser, Attribute("key"));
    }

    /// <summary>An attribute of the account page's <c>&lt;push-device&gt;</c> switch: the VAPID key, the antiforgery token.</summary>
    public static string SwitchAttribute(string page, string name) =>
        WebUtility.HtmlDecode(Regex.Match(Regex.Match(page, "<push-device[^>]*>").Value, $"{name}=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>Waits until every change so far has been looked at and every queued push has been sent.</summary>
    public async Task SettledAsync()
    {
        var feed = App.Services.GetRequiredService<HauGiang.Portal.Features.Live.ReportFeed>();
        var listener = App.Services.GetRequiredService<PushFeedListener>();
        var outbox = App.Services.GetRequiredService<PushOutbox>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // Every published change reaches the listener (a province-wide subscriber); its count catches up with the feed's.
        while (_before + listener.Handled < feed.Version || outbox.Pending > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

/// <summary>Reads what a push carries.</summary>
public static class PushMessages
{
    /// <summary>Checks the VAPID header (RFC 8292) as a push service does: the key, and a JWT signed with it for this origin.</summary>
    public static void AssertVapid(ReceivedPush push, string vapidKey, string origin)
    {
        var match = Regex.Match(push.Authorization ?? "", "^vapid t=(?<t>[^,]+), ?k=(?<k>.+)$");
        Assert.True(match.Success, $"Authorization: {push.Authorization}");
        Assert.Equal(vapidKey, match.Groups["k"].Value);

        var parts = match.Groups["t"].Value.Split('.');
        var key = Base64Url.DecodeFromChars(vapidKey);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..] } });
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256), "ES256 signature");
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        // The library names the audience by scheme and host, without the port: the same origin for the real push
        // services (all on 443), one without its port for this local one.
        var endpoint = new Uri(origin);
        Assert.Equal($"{endpoint.Scheme}://{endpoint.Host}", claims.RootElement.GetProperty("aud").GetString());
        Assert.StartsWith("mailto:", claims.RootElement.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.True(claims.RootElement.TryGetProperty("exp", out _));
        Assert.Equal("aes128gcm", push.ContentEncoding);
    }

    /// <summary>The next message for <paramref name="device"/> about <paramref name="code"/> (others, about other reports, are skipped).</summary>
    public static async Task<(ReceivedPush Push, JsonElement Payload, string Text)> NextAboutAsync(this LocalPushService push, string device, TestBrowserSubscription browser, string code)
    {
        while (true)
        {
            var received = await push.NextAsync(device);
            var text = browser.Decrypt(received.Body);
            var payload = JsonDocument.Parse(text).RootElement.Clone();
            if (payload.GetProperty("code").GetString() == code)
            {
                return (received, payload, text);
            }
        }
    }
}
