using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>The connection that every open page keeps with the server, as a browser opens it.</summary>
[Trait(Tier.Key, Tier.App)]
public class PageConnectionTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_page_connection_is_not_compressed_by_default_even_when_the_browser_offers_it()
    {
        // Chromium offers permessage-deflate on every WebSocket; the server keeps ~250 KB of zlib state per
        // compressed connection for as long as the page is open (Circuits:WebSocketCompression, off by default).
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var negotiated = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiated.EnsureSuccessStatusCode();
        var token = (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        var ws = new UriBuilder(app.BaseUrl) { Scheme = "ws", Path = "/_blazor", Query = "id=" + token }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true ? string.Join(",", values) : "";
        Assert.DoesNotContain("permessage-deflate", extensions, StringComparison.OrdinalIgnoreCase);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
