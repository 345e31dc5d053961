using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>
/// A ward officer out in the street with a 390×844 phone (issue 16 item 5): queue → report → actions in the bottom
/// sheet → reply with a camera photo that the phone shrinks before sending; the map full-screen with "Vị trí của
/// tôi"; and no page of any role scrolls sideways at 360 px.
/// </summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class PhoneTests(BrowserFixture browser, PortalApp app)
{
    private const string VithanhOfficer = "canbo.vithanh@haugiang.demo";

    [Fact]
    public async Task On_a_phone_an_officer_opens_a_report_from_the_queue_acts_from_the_bottom_sheet_and_replies_with_a_large_camera_photo_that_arrives_shrunk()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var page = await PhoneAsync();
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/queue?q=" + report.Code);
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=report-link]", new() { HasText = report.Code }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-code]")).ToHaveTextAsync(report.Code);
        await page.WaitForCircuitAsync();

        // The actions are a bar along the bottom edge, in reach of a thumb: the main action and "more", nothing else.
        var bar = page.Locator("[data-testid=report-actions]");
        var box = await bar.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y + box.Height, 843, 845);
        Assert.Equal(["Accept"], await VisibleActionsAsync(page));

        // "Thao tác khác" lists every other action the officer may take now, as the server allows them.
        var allowed = (await app.Services.GetRequiredService<ReportService>().GetAsync(await app.UserAsync(VithanhOfficer), report.Code, english: false))!.AllowedActions;
        await page.ClickAsync("[data-testid=sheet-more]");
        await Assertions.Expect(page.Locator("[data-testid=sheet-scrim]")).ToBeVisibleAsync();
        Assert.Equal(allowed.Select(a => a.ToString()).Order(), (await VisibleActionsAsync(page)).Order());
        await page.Locator("[data-testid=sheet-scrim]").ClickAsync(new() { Position = new() { X = 20, Y = 80 } }); // above the sheet
        await Assertions.Expect(page.Locator("[data-testid=sheet-scrim]")).ToHaveCountAsync(0);
        Assert.Equal(["Accept"], await VisibleActionsAsync(page));
        await page.ClickAsync("[data-testid=sheet-more]");
        await Assertions.Expect(page.Locator("[data-testid=sheet-scrim]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape"); // a phone with a keyboard, or a desktop narrowed
        await Assertions.Expect(page.Locator("[data-testid=sheet-scrim]")).ToHaveCountAsync(0);
        Assert.Equal(["Accept"], await VisibleActionsAsync(page));

        await ActAsync(page, "Accept");
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đang xử lý");

        // Now the bar's main action is the reply. A 16-megapixel photo straight from the camera: over the 10 MB an
        // upload may have, so only the phone's own shrinking lets it through.
        Assert.Equal(["Reply"], await VisibleActionsAsync(page));
        var original = TestImages.Jpeg(4608, 3456); // a 16-megapixel phone camera
        Assert.True(original.Length > 10 * 1024 * 1024, $"the test photo should be over 10 MB, it is {original.Length:N0} bytes");
        await page.ClickAsync("[data-testid=report-actions] [data-action=Reply]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var camera = dialog.Locator("input[data-testid=reply-camera]");
        Assert.Equal("environment", await camera.GetAttributeAsync("capture"));
        Assert.Equal("image/*", await camera.GetAttributeAsync("accept"));
        await Assertions.Expect(dialog.GetByText("Chụp ảnh")).ToBeVisibleAsync();
        await dialog.Locator("textarea").FillAsync("Đã cưa cây đổ, thông đường kênh Nàng Mau.");
        await camera.ChooseFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = original });
        await Assertions.Expect(dialog.Locator("[data-testid=reply-photo-name]")).ToHaveTextAsync("IMG_2041.jpg", new() { Timeout = 60_000 });
        await Assertions.Expect(dialog.Locator("[data-testid=reply-photo-error]")).ToHaveCountAsync(0);
        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToContainTextAsync("Đã xử lý");
        await Assertions.Expect(page.Locator("[data-testid=report-photo][data-kind=Result]")).ToHaveCountAsync(1);

        // What was stored is the shrunk photo, re-encoded by the server: a JPEG far smaller than the camera's.
        await using var db = app.CreateDbContext();
        var photo = await db.ReportPhotos.SingleAsync(p => p.ReportId == report.Id && p.Kind == PhotoKind.Result);
        await using var stored = (await app.Services.GetRequiredService<IFileStore>().OpenReadAsync(photo.StorageKey, CancellationToken.None))!;
        using var bytes = new MemoryStream();
        await stored.CopyToAsync(bytes);
        Assert.True(bytes.Length < original.Length / 4, $"stored {bytes.Length:N0} bytes of a {original.Length:N0}-byte original");
        using var codec = SKCodec.Create(new MemoryStream(bytes.ToArray()));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(4.0 / 3, (double)codec.Info.Width / codec.Info.Height, 2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_map_fills_the_screen_and_my_location_centres_it_on_the_device()
    {
        // Somewhere in Phường Vị Thanh, away from where the map starts (the ward's centre).
        const double Latitude = 9.7712, Longitude = 105.4533;
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            Permissions = ["geolocation"], Geolocation = new() { Latitude = (float)Latitude, Longitude = (float)Longitude, Accuracy = 20 },
        });
        context.Console += (_, message) => CspViolations.Record(message);
        var page = await context.NewPageAsync();
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/map");
        await page.WaitForCircuitAsync();
        var map = page.Locator("[data-testid=report-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-idle", "true");

        // Full screen: edge to edge, from under the app bar down to the bottom of the phone. (Tiles cannot load here;
        // nothing below depends on them.)
        var box = (await map.BoundingBoxAsync())!;
        Assert.InRange(box.Width, 389, 391);
        Assert.InRange(box.Y + box.Height, 843, 845);
        Assert.True(box.Height > 844 * 0.6, $"the map is {box.Height} px of the 844 px screen");
        await Assertions.Expect(page.Locator(".hg-here")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=map-locate]");

        // The device's position is marked, in the middle of the map, and the map says where it centred.
        var here = page.Locator(".hg-here");
        await Assertions.Expect(here).ToBeVisibleAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-located", new System.Text.RegularExpressions.Regex(","));
        var located = (await map.GetAttributeAsync("data-located"))!.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Latitude, located[0], 4);
        Assert.Equal(Longitude, located[1], 4);
        // Once the map has settled (Leaflet animates its panes), the marker sits in the middle of the map.
        await page.WaitForFunctionAsync(
            """
            () => {
              const map = document.querySelector('[data-testid=report-map]').getBoundingClientRect();
              const dot = document.querySelector('.hg-here').getBoundingClientRect();
              return Math.abs(dot.x + dot.width / 2 - (map.x + map.width / 2)) < 2 && Math.abs(dot.y + dot.height / 2 - (map.y + map.height / 2)) < 2;
            }
            """, null, new() { Timeout = 10_000 });
        await context.CloseAsync();
    }

    [Fact]
    public async Task Without_permission_my_location_says_how_to_allow_it()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 } });
        context.Console += (_, message) => CspViolations.Record(message);
        var page = await context.NewPageAsync();
        await page.SignInAsync(VithanhOfficer);
        await page.GotoAsync("/map");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-map]")).ToHaveAttributeAsync("data-idle", "true");

        // Headless Chromium refuses geolocation that was not granted (the user said no).
        await page.ClickAsync("[data-testid=map-locate]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("chưa được phép lấy vị trí");
        await Assertions.Expect(page.Locator(".hg-here")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    /// <summary>The action buttons a user can see in the report's actions block.</summary>
    private static async Task<string[]> VisibleActionsAsync(IPage page) =>
        await page.Locator("[data-testid=report-actions] [data-action]").EvaluateAllAsync<string[]>(
            "els => els.filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).map(e => e.dataset.action)");

    private static async Task ActAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-testid=report-actions] [data-action={action}]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("[data-testid=action-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(20_000);
        context.Console += (_, message) => CspViolations.Record(message);
        return await context.NewPageAsync();
    }
}
