using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace MapBench;

/// <summary>
/// A tiny Kestrel on 127.0.0.1 for the plain baseline page: a temp folder with the page, the app's wwwroot/lib
/// (Leaflet, markercluster), the saved GeoJSON; and blank map tiles for both pages, so no request leaves the machine.
/// </summary>
public sealed class StaticServer : IAsyncDisposable
{
    // A 1×1 transparent PNG: every tile, for both the app and the plain page.
    private static readonly byte[] BlankPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=");

    private readonly WebApplication _app;

    private StaticServer(WebApplication app, string root, string baseUrl)
    {
        _app = app;
        Root = root;
        BaseUrl = baseUrl;
    }

    public string Root { get; }

    public string BaseUrl { get; }

    public string TileUrl => BaseUrl + "/tiles/{z}/{x}/{y}.png";

    public static async Task<StaticServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = root });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ContentTypeProvider = types,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache", // as the app's MapStaticAssets does for lib files
        });
        app.MapGet("/tiles/{z}/{x}/{y}.png", () => Results.File(BlankPng, "image/png"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new StaticServer(app, root, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
