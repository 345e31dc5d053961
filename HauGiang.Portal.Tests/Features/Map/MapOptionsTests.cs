using HauGiang.Portal.Components.Shared;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Map;

/// <summary>The app with its own tile server and province view (<c>Map:*</c>, bound to <see cref="MapOptions"/>).</summary>
public sealed class OwnTilesApp() : PortalApp(reports: 0, new Dictionary<string, string?>
{
    ["Map:TileUrl"] = "https://tiles.haugiang.example/{z}/{x}/{y}.png",
    ["Map:CenterLatitude"] = "9.9",
    ["Map:Zoom"] = "12",
});

/// <summary><c>Map:TileUrl</c> (README's settings) is read through <see cref="MapOptions"/> by the Content-Security-Policy too.</summary>
[Trait(Tier.Key, Tier.App)]
public class MapOptionsTests(OwnTilesApp app) : IClassFixture<OwnTilesApp>
{
    [Fact]
    public async Task The_configured_tile_server_is_the_one_the_pages_may_load_images_from()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await http.GetAsync("/Account/Login");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var images = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("img-src ", StringComparison.Ordinal));
        Assert.Contains("https://tiles.haugiang.example", images, StringComparison.Ordinal);
        Assert.DoesNotContain("openstreetmap", images, StringComparison.Ordinal);
    }
}
