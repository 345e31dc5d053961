using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using MetadataExtractor;
using Directory = System.IO.Directory;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Photos;

/// <summary>Photos through the real Open311 endpoint and the real photo endpoints: what is kept, what is refused, who may see it.</summary>
[Trait(Tier.Key, Tier.App)]
public class PhotoUploadTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    [Fact]
    public async Task A_jpeg_with_gps_exif_is_stored_and_served_without_any_metadata_and_stands_upright()
    {
        var original = TestImages.JpegWithGps(9.7831, 105.4672, width: 1200, height: 900, orientation: 6);
        var before = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        Assert.NotNull(before.OfType<GpsDirectory>().Single().GetGeoLocation()); // the test image really has a position

        var (code, _) = await PostWithPhotosAsync(("media", "IMG_0001.jpg", original));
        await using var db = app.CreateDbContext();
        var photo = await db.ReportPhotos.SingleAsync(p => p.ReportId == db.Reports.Single(r => r.Code == code).Id);

        using var officer = await app.SignedInHttpAsync("canbo.vithanh@haugiang.demo");
        using var full = await officer.GetAsync($"/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("image/jpeg", full.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", full.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var served = await full.Content.ReadAsByteArrayAsync();

        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(served));
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifIfd0Directory>());
        Assert.Empty(after.OfType<ExifSubIfdDirectory>());
        Assert.DoesNotContain("HGPhone", System.Text.Encoding.ASCII.GetString(served), StringComparison.Ordinal);

        // Orientation 6 (rotate 90°) was applied to the pixels: 1200 × 900 became 900 × 1200.
        Assert.Equal((900, 1200), (photo.Width, photo.Height));
        using var thumb = await officer.GetAsync($"/photos/{photo.Id}/thumb");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        var thumbBytes = await thumb.Content.ReadAsByteArrayAsync();
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(thumbBytes)).OfType<GpsDirectory>());
        using var thumbImage = SkiaSharp.SKBitmap.Decode(thumbBytes);
        Assert.Equal(320, Math.Max(thumbImage.Width, thumbImage.Height));
    }

    [Fact]
    public async Task Photos_are_served_only_to_staff_whose_scope_includes_the_report()
    {
        var (code, _) = await PostWithPhotosAsync(("media", "a.png", TestImages.Png(640, 480)));
        await using var db = app.CreateDbContext();
        var photoId = await db.ReportPhotos.Where(p => db.Reports.Any(r => r.Id == p.ReportId && r.Code == code)).Select(p => p.Id).SingleAsync();

        using var anonymous = app.Http();
        using var anon = await anonymous.GetAsync($"/photos/{photoId}");
        Assert.NotEqual(HttpStatusCode.OK, anon.StatusCode);
        Assert.NotEqual("image/jpeg", anon.Content.Headers.ContentType?.MediaType);

        using var otherUnit = await app.SignedInHttpAsync("canbo.ngabay@haugiang.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/photos/{photoId}/thumb")).StatusCode);

        using var coordinator = await app.SignedInHttpAsync("dieuphoi@haugiang.demo");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/photos/987654321")).StatusCode);
    }

    [Fact]
    public async Task Png_and_webp_are_accepted_and_re_encoded_to_jpeg()
    {
        var (code, _) = await PostWithPhotosAsync(("media", "a.png", TestImages.Png(300, 200)), ("media", "b.webp", TestImages.WebP(400, 300)));
        await using var db = app.CreateDbContext();
        var photos = await db.ReportPhotos.Where(p => db.Reports.Any(r => r.Id == p.ReportId && r.Code == code)).ToListAsync();
        Assert.Equal(2, photos.Count);
        Assert.All(photos, p => Assert.Equal("image/jpeg", p.ContentType));
        var store = app.Services.GetRequiredService<IFileStore>();
        foreach (var p in photos)
        {
            await using var s = await store.OpenReadAsync(p.StorageKey, default);
            var head = new byte[3];
            await s!.ReadExactlyAsync(head);
            Assert.Equal(ImageKind.Jpeg, PhotoProcessor.Detect(head));
        }
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "renamed-exe", "photo.jpg", "File type not accepted" },
        { "svg", "drawing.svg", "File type not accepted" },
        { "oversized", "huge.jpg", "larger than 10 MB" },
        { "bomb", "small.png", "dimensions are too large" },
        { "heic", "IMG_0002.HEIC", "HEIC" },
        { "truncated", "broken.jpg", "damaged" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_upload_is_refused_with_a_clear_error_and_nothing_is_stored(string kind, string fileName, string message)
    {
        var bytes = kind switch
        {
            "renamed-exe" => TestImages.Executable(),
            "svg" => TestImages.Svg(),
            "oversized" => [.. TestImages.Jpeg(64, 64), .. new byte[10 * 1024 * 1024]],
            "bomb" => TestImages.PngBomb(),
            "heic" => TestImages.Heic(),
            _ => TestImages.Jpeg(800, 600)[..200],
        };
        if (kind == "bomb")
        {
            Assert.True(bytes.Length < 1024 * 1024, "the bomb is small on the wire");
        }

        var photoDir = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "photos");
        var filesBefore = Directory.Exists(photoDir) ? Directory.GetFiles(photoDir, "*", SearchOption.AllDirectories).Length : 0;
        await using var db = app.CreateDbContext();
        var (reportsBefore, photosBefore) = (await db.Reports.CountAsync(), await db.ReportPhotos.CountAsync());

        var description = "Ảnh hỏng " + Guid.NewGuid().ToString("N");
        using var response = await PostAsync(description, ("media", "ok.jpg", TestImages.Jpeg(200, 150)), ("media", fileName, bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.Contains(fileName, error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(message, error.GetProperty("description").GetString(), StringComparison.Ordinal);

        Assert.Equal(reportsBefore, await db.Reports.CountAsync());
        Assert.Equal(photosBefore, await db.ReportPhotos.CountAsync());
        Assert.False(await db.Reports.AnyAsync(r => r.Description == description));
        var filesAfter = Directory.Exists(photoDir) ? Directory.GetFiles(photoDir, "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(filesBefore, filesAfter);
    }

    [Fact]
    public async Task More_than_five_photos_are_refused()
    {
        var files = Enumerable.Range(0, 6).Select(i => ("media", $"p{i}.jpg", TestImages.Jpeg(100, 100, i))).ToArray();
        using var response = await PostAsync("Sáu ảnh", files);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("At most 5 photos", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_stores_its_result_photos_with_it_and_too_many_refuse_the_whole_reply()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var photos = app.Services.GetRequiredService<PhotoService>();
        var reports = app.Services.GetRequiredService<ReportActions>();
        var prepared = new List<PreparedPhoto>();
        for (var i = 0; i < 6; i++)
        {
            prepared.Add((await photos.PrepareAsync(new MemoryStream(TestImages.Jpeg(120, 90, i)), default)).Photo!);
        }

        Assert.Equal("Photo.UnsupportedType", (await photos.PrepareAsync(new MemoryStream(TestImages.Svg()), default)).ErrorKey);
        var accepted = await reports.ExecuteAsync(officer, report.Id, new(ReportAction.Accept, report.Version));
        Assert.True(accepted.Succeeded);
        var version = (await app.ReloadAsync(report.Id)).Version;
        var filesBefore = app.PhotoFileCount;

        // Six photos: the reply is refused whole — no reply, no photo row, no file.
        var tooMany = await reports.ExecuteAsync(officer, report.Id, new(ReportAction.Reply, version) { Text = "Đã dọn xong.", ResultPhotos = prepared });
        Assert.Equal(("Action.TooManyPhotos", "5"), (tooMany.MessageKey, tooMany.Argument));
        var unchanged = await app.ReloadAsync(report.Id);
        Assert.Equal((ReportState.InProgress, version), (unchanged.State, unchanged.Version));
        Assert.Empty(await photos.ListAsync(officer, report.Id));
        Assert.Equal(filesBefore, app.PhotoFileCount);

        // Five: stored with the reply, in its scope only.
        var replied = await reports.ExecuteAsync(officer, report.Id, new(ReportAction.Reply, version) { Text = "Đã dọn xong.", ResultPhotos = prepared[..5] });
        Assert.True(replied.Succeeded, replied.MessageKey);
        Assert.Equal(ReportState.Resolved, (await app.ReloadAsync(report.Id)).State);
        var listed = await photos.ListAsync(officer, report.Id);
        Assert.Equal(5, listed.Count);
        Assert.All(listed, p => Assert.Equal(PhotoKind.Result, p.Kind));
        Assert.Empty(await photos.ListAsync(await app.UserAsync("canbo.ngabay@haugiang.demo"), report.Id));
    }

    [Fact]
    public async Task A_reply_that_loses_the_race_leaves_no_photo_behind()
    {
        var report = await app.CreateReportAsync("UBND-31321");
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var photos = app.Services.GetRequiredService<PhotoService>();
        var reports = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await reports.ExecuteAsync(officer, report.Id, new(ReportAction.Accept, report.Version))).Succeeded);
        var seen = (await app.ReloadAsync(report.Id)).Version;
        Assert.True((await reports.ExecuteAsync(await app.UserAsync("canbo2.vithanh@haugiang.demo"), report.Id, new(ReportAction.AddNote, seen) { Text = "Đang liên hệ." })).Succeeded);
        var filesBefore = app.PhotoFileCount;

        var photo = (await photos.PrepareAsync(new MemoryStream(TestImages.Jpeg(120, 90)), default)).Photo!;
        var late = await reports.ExecuteAsync(officer, report.Id, new(ReportAction.Reply, seen) { Text = "Đã xử lý.", ResultPhotos = [photo] });

        Assert.Equal(ActionOutcome.Conflict, late.Outcome);
        Assert.Empty(await photos.ListAsync(officer, report.Id));
        Assert.Equal(filesBefore, app.PhotoFileCount);
    }

    private async Task<(string Code, HttpResponseMessage Response)> PostWithPhotosAsync(params (string Field, string Name, byte[] Bytes)[] files)
    {
        var response = await PostAsync("Ổ gà có ảnh " + Guid.NewGuid().ToString("N")[..6], files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!, response);
    }

    private async Task<HttpResponseMessage> PostAsync(string description, params (string Field, string Name, byte[] Bytes)[] files)
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in IntakeTestExtensions.RequestFields(key, description: description))
        {
            form.Add(new StringContent(v), k);
        }

        foreach (var (field, name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, name);
        }

        return await http.PostAsync("/open311/v2/requests.json", form);
    }
}
