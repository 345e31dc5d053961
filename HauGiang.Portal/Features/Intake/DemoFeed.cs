using System.Globalization;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Data.Seed;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// A living demo: when <c>Demo:Feed:Enabled</c>, posts a realistic Vietnamese citizen report every few seconds
/// through the same intake path as the API (routing, deadline, code, photos), so the queue and the map move.
/// </summary>
public sealed class DemoFeed(IServiceProvider services, IOptions<DemoFeedOptions> options, ILogger<DemoFeed> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        logger.LogInformation("Demo feed on: a citizen report every {Seconds} s", o.IntervalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, o.IntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PostOneAsync(o, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo feed: could not post a report");
            }
        }
    }

    public async Task<IntakeResult> PostOneAsync(DemoFeedOptions o, CancellationToken ct)
    {
        var areas = (await services.GetRequiredService<ReferenceDataCache>().GetAsync(ct)).Areas;
        var intake = services.GetRequiredService<IntakeService>();
        var photos = services.GetRequiredService<PhotoService>();

        var code = PickCategory();
        var area = areas.Count == 0 ? null : PickArea(areas);
        double Gauss() => (_random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5) / 1.5;
        var lat = area is null ? 9.78 : Math.Round(area.CenterLatitude + (Gauss() * 0.012), 6);
        var lon = area is null ? 105.64 : Math.Round(area.CenterLongitude + (Gauss() * 0.012), 6);
        var texts = DemoTexts.Descriptions.TryGetValue(code, out var t) ? t : DemoTexts.Descriptions["khac"];
        var street = Pick(DemoTexts.Streets);
        var description = Pick(texts).Replace("{street}", street, StringComparison.Ordinal);

        var prepared = new List<PreparedPhoto>();
        if (_random.NextDouble() < o.PhotoShare)
        {
            using var image = new MemoryStream(DrawScene(code));
            if ((await photos.PrepareAsync(image, ct)).Photo is { } p)
            {
                prepared.Add(p);
            }
        }

        var result = await intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = code,
            Description = description,
            Latitude = lat,
            Longitude = lon,
            Address = area is null ? street : street + ", " + area.Name,
            Contact = new IntakeContact(
                Pick(DemoTexts.OfficerFamilyNames) + " " + Pick(DemoTexts.OfficerGivenNames),
                "09" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                null,
                "demo-device-" + _random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
                null),
            Photos = prepared,
            Source = ReportSource.CitizenApp,
            Priority = code is "cay-xanh" or "dien-nguy-hiem" && _random.NextDouble() < 0.5 ? ReportPriority.Urgent : ReportPriority.Normal,
        }, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Demo feed: {Code} ({Category}) → {Unit}", result.Report!.Code, code, result.Report.UnitName ?? "coordinators");
        }

        return result;
    }

    private string PickCategory()
    {
        // The same mix as the seed: rubbish, pavements, lights, roads and flooding most of all.
        string[] weighted = ["rac-thai", "rac-thai", "rac-thai", "lan-chiem-via-he", "lan-chiem-via-he", "den-chieu-sang", "den-chieu-sang", "duong-hu-hong", "duong-hu-hong",
            "ngap-nuoc", "ngap-nuoc", "tieng-on", "cay-xanh", "dau-xe-sai-quy-dinh", "xay-dung-trai-phep", "o-nhiem-kenh-rach", "quang-cao-sai-phep", "dien-nguy-hiem", "cap-nuoc", "an-toan-thuc-pham"];
        return Pick(weighted);
    }

    private Area PickArea(IReadOnlyList<Area> areas)
    {
        static int Weight(Area a) => a.Code is "31321" or "31340" ? 12 : a.Kind == AreaKind.Ward ? 4 : 1;
        var x = _random.Next(areas.Sum(Weight));
        foreach (var a in areas)
        {
            x -= Weight(a);
            if (x < 0)
            {
                return a;
            }
        }

        return areas[^1];
    }

    /// <summary>A simple street scene (sky, road, a coloured object), so demo photos go through the real pipeline.</summary>
    private byte[] DrawScene(string categoryCode)
    {
        using var bitmap = new SKBitmap(800, 600);
        using var canvas = new SKCanvas(bitmap);
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, 330), [new SKColor(120, 180, 235), new SKColor(220, 235, 250)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, 800, 330, sky);
        using var ground = new SKPaint { Color = new SKColor(95, 95, 100) };
        canvas.DrawRect(0, 330, 800, 270, ground);
        using var line = new SKPaint { Color = SKColors.White, StrokeWidth = 6 };
        for (var x = 0; x < 800; x += 120)
        {
            canvas.DrawLine(x, 470, x + 60, 470, line);
        }

        var hue = (float)(Math.Abs(categoryCode.GetHashCode(StringComparison.Ordinal)) % 360);
        using var thing = new SKPaint { Color = SKColor.FromHsl(hue, 60, 45), IsAntialias = true };
        canvas.DrawCircle(200 + _random.Next(400), 380 + _random.Next(80), 40 + _random.Next(50), thing);
        canvas.Flush();
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
