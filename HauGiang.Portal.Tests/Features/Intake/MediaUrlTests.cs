using System.Net;
using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Intake.MediaUrls;
using HauGiang.Portal.Features.Shared.Photos;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// The app for media_url, with no host allowed globally: each test's API client names its own image hosts, and the
/// image server of these tests runs on 127.0.0.1, which a client may reach only by naming that address explicitly.
/// Photos are capped at 1 MB here so "too big" stays small.
/// </summary>
public sealed class MediaUrlApp() : PortalApp(reports: 20, new Dictionary<string, string?>
{
    ["Intake:AnonymousRequestsPerMinute"] = "100000",
    ["Photos:MaxBytes"] = "1000000",
});

/// <summary>
/// Photos named by media_url: fetched after the 201 from a real HTTP server, re-encoded, attached; the SSRF cases
/// and the oversize and non-image ones refused and noted on the report's timeline, the report kept every time.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class MediaUrlTests(MediaUrlApp app) : IClassFixture<MediaUrlApp>, IAsyncLifetime
{
    private WebApplication? _server;
    private int _port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        var photo = TestImages.JpegWithGps(9.7831, 105.4672, width: 1200, height: 900);
        var big = new byte[1_500_000];
        photo.CopyTo(big, 0);
        _server.MapGet("/photo.jpg", () => Results.Bytes(photo, "image/jpeg"));
        _server.MapGet("/hop", () => Results.Redirect("/photo.jpg"));
        _server.MapGet("/big.jpg", () => Results.Bytes(big, "image/jpeg"));
        _server.MapGet("/big-chunked.jpg", async (HttpContext http) =>
        {
            // No Content-Length: the cap is on what is read, not on what is declared.
            http.Response.ContentType = "image/jpeg";
            for (var i = 0; i < 15; i++)
            {
                await http.Response.Body.WriteAsync(big.AsMemory(i * 100_000, 100_000));
                await http.Response.Body.FlushAsync();
            }
        });
        _server.MapGet("/page.jpg", () => Results.Text("<html><body>không phải ảnh</body></html>", "image/jpeg"));
        _server.MapGet("/to-loopback", () => Results.Redirect($"http://127.0.0.1:{_port}/photo.jpg"));
        _server.MapGet("/to-localhost", () => Results.Redirect($"http://localhost:{_port}/photo.jpg"));
        _server.MapGet("/to-ipv6", () => Results.Redirect($"http://[::1]:{_port}/photo.jpg"));
        await _server.StartAsync();
        _port = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_photo_at_media_url_is_fetched_after_the_201_and_appears_on_the_report_without_its_gps()
    {
        var (code, notice) = await PostAsync($"http://127.0.0.1:{_port}/hop", "127.0.0.1");
        Assert.Contains("media_url", notice, StringComparison.Ordinal);

        var (photos, notes) = await SettledAsync(code);
        var photo = Assert.Single(photos);
        Assert.Equal(PhotoKind.Citizen, photo.Kind);
        Assert.Equal((1200, 900), (photo.Width, photo.Height));
        Assert.Contains(notes, n => n == $"Đã thêm ảnh từ media_url (127.0.0.1), đã xoá thông tin EXIF/GPS.");

        await using var stored = await app.Services.GetRequiredService<IFileStore>().OpenReadAsync(photo.StorageKey, default);
        Assert.Empty(ImageMetadataReader.ReadMetadata(stored!).OfType<GpsDirectory>());
    }

    [Fact]
    public async Task Each_of_several_media_urls_is_fetched_as_FixMyStreet_sends_one_per_photo()
    {
        var key = await ClientAsync("127.0.0.1");
        using var http = app.Http();
        var fields = IntakeTestExtensions.RequestFields(key).ToList();
        fields.Add(new("media_url", $"http://127.0.0.1:{_port}/photo.jpg"));
        fields.Add(new("media_url", $"http://127.0.0.1:{_port}/page.jpg"));
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var (photos, notes) = await SettledAsync(code, notes: 2);
        Assert.Single(photos);
        Assert.Contains(notes, n => n.StartsWith("Đã thêm ảnh từ media_url", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Ảnh không tải được: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/photo.jpg", "", "máy chủ 127.0.0.1 không nằm trong danh sách máy chủ ảnh được phép")]
    [InlineData("http://localhost:{port}/photo.jpg", "127.0.0.1", "máy chủ localhost không nằm trong danh sách")]
    [InlineData("http://127.0.0.1:{port}/to-localhost", "127.0.0.1", "máy chủ localhost không nằm trong danh sách")]
    [InlineData("http://127.0.0.1:{port}/to-ipv6", "127.0.0.1", "máy chủ ::1 không nằm trong danh sách")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/photo.jpg", "127.0.0.1", "không nằm trong danh sách")]
    [InlineData("http://localhost:{port}/photo.jpg", "localhost", "chỉ nhận địa chỉ https")]
    [InlineData("https://localhost:{port}/photo.jpg", "localhost", "localhost trỏ tới địa chỉ nội bộ")]
    [InlineData("http://127.0.0.1:{port}/big.jpg", "127.0.0.1", "ảnh lớn hơn 1 MB")]
    [InlineData("http://127.0.0.1:{port}/big-chunked.jpg", "127.0.0.1", "ảnh lớn hơn 1 MB")]
    [InlineData("http://127.0.0.1:{port}/page.jpg", "127.0.0.1", "không phải ảnh JPEG, PNG hoặc WebP")]
    [InlineData("http://127.0.0.1:{port}/missing.jpg", "127.0.0.1", "mã 404")]
    [InlineData("file:///etc/passwd", "127.0.0.1", "chỉ nhận địa chỉ http hoặc https")]
    [InlineData("ftp://127.0.0.1/photo.jpg", "127.0.0.1", "chỉ nhận địa chỉ http hoặc https")]
    public async Task A_refused_media_url_keeps_the_report_and_says_why_on_its_timeline(string url, string hosts, string reason)
    {
        var (code, _) = await PostAsync(url.Replace("{port}", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), hosts);

        var (photos, notes) = await SettledAsync(code);
        Assert.Empty(photos);
        var note = Assert.Single(notes, n => n.StartsWith("Ảnh không tải được: ", StringComparison.Ordinal));
        Assert.Contains(reason, note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_allowing_a_host_for_a_client_takes_effect_at_once_and_is_audited()
    {
        var key = await ClientAsync("");
        var url = $"http://127.0.0.1:{_port}/photo.jpg";
        var (refused, _) = await PostAsync(url, key: key);
        Assert.Contains(await NotesAsync(refused), n => n.Contains("không nằm trong danh sách", StringComparison.Ordinal));

        var clients = app.Services.GetRequiredService<ApiClientService>();
        var admin = await app.UserAsync(IntakeTestExtensions.Admin);
        var id = (await clients.ListAsync()).Single(c => key.StartsWith(c.KeyPrefix, StringComparison.Ordinal)).Id;
        Assert.Equal("http://x/y", await clients.SetMediaHostsAsync(admin, id, "anh.example.vn, http://x/y"));
        Assert.Null(await clients.SetMediaHostsAsync(admin, id, "https://anh.example.vn/\n127.0.0.1"));
        Assert.Equal("anh.example.vn\n127.0.0.1", (await clients.ListAsync()).Single(c => c.Id == id).MediaHosts);

        var (fetched, _) = await PostAsync(url, key: key);
        var (photos, _) = await SettledAsync(fetched);
        Assert.Single(photos);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "apiclient.media-hosts" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("media_hosts=anh.example.vn 127.0.0.1", entry.After);
        Assert.Equal(admin.DisplayName, entry.UserName);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("14.225.0.1", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void Only_public_unicast_addresses_may_be_connected_to(string address, bool allowed) =>
        Assert.Equal(allowed, AddressPolicy.IsPublic(IPAddress.Parse(address)));

    /// <summary>A new API client whose image hosts are <paramref name="hosts"/>, through the service the admin screen uses.</summary>
    private async Task<string> ClientAsync(string hosts)
    {
        var admin = await app.UserAsync(IntakeTestExtensions.Admin);
        var created = await app.Services.GetRequiredService<ApiClientService>().CreateAsync(admin, "Ảnh " + Guid.NewGuid().ToString("N")[..6], null, 10_000, mediaHosts: hosts);
        return created!.Key;
    }

    private async Task<List<string>> NotesAsync(string code) => (await SettledAsync(code)).Notes;

    private async Task<(string Code, string Notice)> PostAsync(string mediaUrl, string hosts = "", string? key = null)
    {
        key ??= await ClientAsync(hosts);
        using var http = app.Http();
        var fields = IntakeTestExtensions.RequestFields(key);
        fields["media_url"] = mediaUrl;
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement[0];
        return (created.GetProperty("service_request_id").GetString()!, created.GetProperty("service_notice").GetString()!);
    }

    /// <summary>Waits for the background fetch to leave its line on the timeline; returns the photos and the system's notes.</summary>
    private async Task<(List<ReportPhoto> Photos, List<string> Notes)> SettledAsync(string code, int notes = 1)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var db = app.CreateDbContext();
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
            var lines = await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == report.Id && e.Type == ReportEventType.Note && e.Visibility == EventVisibility.Internal)
                .Select(e => e.Note!).ToListAsync();
            if (lines.Count >= notes)
            {
                return (await db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == report.Id).ToListAsync(), lines);
            }

            await Task.Delay(100, patience.Token).ContinueWith(t => Assert.False(t.IsCanceled, "the media_url was never settled"), TaskScheduler.Default);
        }
    }
}
