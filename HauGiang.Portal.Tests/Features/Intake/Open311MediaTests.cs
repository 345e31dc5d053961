using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// Result photos in the update feed: a public reply's photo has a media_url any citizen app can fetch without a key;
/// a citizen's own photo, a private report's result photo or an unknown id are refused alike (404, Open311's format).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311MediaTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Base = "/open311/v2";
    private const string Officer = "canbo.vithanh@haugiang.demo";

    [Fact]
    public async Task A_public_replys_photo_is_in_the_feed_and_served_without_a_key_and_a_citizens_photo_is_not()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostWithPhotoAsync(key);
        var start = app.Now;
        await ActAsync(code, ReportAction.Accept);
        await ActAsync(code, ReportAction.Reply, "Đã dọn sạch, ảnh kèm theo.", TestImages.JpegWithGps(9.78, 105.46, 800, 600));

        using var http = app.Http();
        var window = $"start_date={W3C(start.AddMinutes(-1))}&end_date={W3C(app.Now.AddMinutes(1))}";
        var updates = JsonDocument.Parse(await GetStringAsync(http, $"{Base}/servicerequestupdates.json?{window}")).RootElement.EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == code).ToList();
        Assert.Equal(2, updates.Count);
        Assert.False(updates[0].TryGetProperty("media_url", out _)); // accepting has no photo
        var mediaUrl = updates[1].GetProperty("media_url").GetString()!;
        Assert.StartsWith(app.BaseUrl.TrimEnd('/') + "/open311/v2/media/", mediaUrl, StringComparison.Ordinal);

        var xml = XDocument.Parse(await GetStringAsync(http, $"{Base}/servicerequestupdates.xml?{window}"));
        Assert.Equal(mediaUrl, xml.Root!.Elements("request_update").Last(e => e.Element("service_request_id")!.Value == code).Element("media_url")!.Value);

        // Anyone fetches it, with no key and no sign-in: the re-encoded JPEG, its GPS gone.
        using (var photo = await http.GetAsync(mediaUrl))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xFF, 0xD8], bytes[..2]);
            Assert.Empty(MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(bytes)).OfType<MetadataExtractor.Formats.Exif.GpsDirectory>());
        }

        // The citizen's own photo of the same report, by its id: refused like an id that does not exist.
        long citizenPhoto, resultPhoto;
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
            citizenPhoto = await db.ReportPhotos.Where(p => p.ReportId == report.Id && p.Kind == PhotoKind.Citizen).Select(p => p.Id).SingleAsync();
            resultPhoto = await db.ReportPhotos.Where(p => p.ReportId == report.Id && p.Kind == PhotoKind.Result).Select(p => p.Id).SingleAsync();
        }

        Assert.EndsWith($"/{resultPhoto}.jpg", mediaUrl, StringComparison.Ordinal);
        await AssertRefusedAsync(http, $"{Base}/media/{citizenPhoto}.jpg");
        await AssertRefusedAsync(http, $"{Base}/media/{resultPhoto + 1_000_000}.jpg");

        // Marked "Không công khai" afterwards: its result photo is refused too, and the feed no longer names it.
        await ActAsync(code, ReportAction.SetVisibility, null, flag: false);
        await AssertRefusedAsync(http, mediaUrl);
        var hidden = JsonDocument.Parse(await GetStringAsync(http, $"{Base}/servicerequestupdates.json?{window}")).RootElement.EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == code);
        Assert.All(hidden, u => Assert.False(u.TryGetProperty("media_url", out _)));
    }

    private static async Task AssertRefusedAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }

    private async Task<string> PostWithPhotoAsync(string key)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in IntakeTestExtensions.RequestFields(key))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(TestImages.Jpeg(640, 480)), "media", "anh.jpg");
        using var http = app.Http();
        using var posted = await http.PostAsync($"{Base}/requests.json", form);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private async Task ActAsync(string code, ReportAction action, string? text = null, byte[]? photo = null, bool? flag = null)
    {
        var officer = await app.UserAsync(Officer);
        await using var db = app.CreateDbContext();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
        var photos = new List<PreparedPhoto>();
        if (photo is not null)
        {
            var check = await app.Services.GetRequiredService<PhotoService>().PrepareAsync(new MemoryStream(photo), default);
            photos.Add(check.Photo!);
        }

        var result = await app.Services.GetRequiredService<ReportActions>().ExecuteAsync(officer, report.Id,
            new ActionRequest(action, report.Version) { Text = text, ResultPhotos = photos, Flag = flag });
        Assert.True(result.Succeeded, $"{action} on {code}: {result.MessageKey}");
    }

    private static string W3C(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<string> GetStringAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return body;
    }
}
