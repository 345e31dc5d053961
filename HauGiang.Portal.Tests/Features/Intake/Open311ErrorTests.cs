using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Data;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>The app with a database that fails reading categories on demand (as a broken disk would), for 5xx answers.</summary>
public sealed class FailingReadsApp() : PortalApp(reports: 20)
{
    public bool FailCategoryReads { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(new FailingCategoryReads(this))));
    }

    private sealed class FailingCategoryReads(FailingReadsApp app) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            app.FailCategoryReads && command.CommandText.Contains("\"Categories\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("disk I/O error (test)")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// Every error under /open311 is in the specification's format (issue 13): unknown paths and methods, server errors,
/// bodies too large or cut short — and a body is bounded before it is read, so a keyless caller cannot make the
/// portal read 52 MB, nor is a broken body answered "missing api_key".
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311ErrorTests(IntakeApp app, FailingReadsApp failing) : IClassFixture<IntakeApp>, IClassFixture<FailingReadsApp>
{
    private const string Base = "/open311/v2";

    [Theory]
    [InlineData("/open311/v2/nothing-here.json", "json")]
    [InlineData("/open311/v2/nothing-here.xml", "xml")]
    [InlineData("/open311/v2/requests/HG-2026-000001/history.xml", "xml")]
    [InlineData("/open311/v3/services.json", "json")]
    public async Task An_unknown_path_is_an_open311_404(string path, string format)
    {
        using var http = English(app);
        using var response = await http.GetAsync(path);
        await ExpectAsync(response, format, 404, "No such Open311");
    }

    [Fact]
    public async Task A_method_the_resource_does_not_take_is_an_open311_405()
    {
        using var http = English(app);
        using var response = await http.DeleteAsync($"{Base}/requests.xml");
        await ExpectAsync(response, "xml", 405, "not allowed");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_server_error_is_an_open311_500_without_a_stack_trace(string format)
    {
        using var http = English(failing);
        failing.FailCategoryReads = true;
        try
        {
            using var response = await http.GetAsync($"{Base}/services.{format}");
            var body = await ExpectAsync(response, format, 500, "Server error");
            Assert.DoesNotContain("disk I/O", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
        finally
        {
            failing.FailCategoryReads = false;
        }

        using var recovered = await http.GetAsync($"{Base}/services.{format}");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_a_413_before_a_byte_of_it_is_read()
    {
        // 60 MB announced, nothing sent: a server that read before answering would wait for it (and the test time out).
        var response = await RawAsync(app, "POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 62914560\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("\"code\":413", response, StringComparison.Ordinal);
        Assert.Contains("too large", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyless_form_over_a_megabyte_is_a_413_not_missing_api_key()
    {
        using var http = English(app);
        var fields = IntakeTestExtensions.RequestFields("unused");
        fields.Remove("api_key");
        fields["description"] = new string('x', 2 * 1024 * 1024);
        using var response = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(fields));
        await ExpectAsync(response, "json", 413, "too large");
    }

    [Theory]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nrac-thai\r\n--b\r\nContent-Disposition: form-data; name=\"descr")]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nrac-th")]
    public async Task A_multipart_body_cut_short_is_a_400_not_missing_api_key(string cut)
    {
        // A body that ends in the middle of the form, as a proxy or a dropped upload leaves it.
        using var http = English(app);
        using var content = new StringContent(cut, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var response = await http.PostAsync($"{Base}/requests.xml", content);
        var body = await ExpectAsync(response, "xml", 400, "could not be read");
        Assert.DoesNotContain("api_key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_not_missing_api_key()
    {
        // No length announced: the limit stops the read (a url-encoded form may have 1 MB).
        using var http = English(app);
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("service_code=rac-thai&description=" + new string('x', 1_200_000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await http.SendAsync(request);
        await ExpectAsync(response, "json", 413, "too large");
    }

    [Fact]
    public async Task A_multipart_key_before_the_photos_is_found_and_the_whole_form_still_arrives()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = English(app);
        using var form = Multipart(IntakeTestExtensions.RequestFields(key), keyLast: false, photo: TestImages.Jpeg(800, 600));
        using var response = await http.PostAsync($"{Base}/requests.json", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var code = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString();
        await using var db = app.CreateDbContext();
        var id = await db.Reports.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
        Assert.Equal(1, await db.ReportPhotos.CountAsync(p => p.ReportId == id));
    }

    [Fact]
    public async Task A_multipart_key_after_the_photos_is_not_looked_for()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = English(app);
        using var form = Multipart(IntakeTestExtensions.RequestFields(key), keyLast: true, photo: TestImages.Jpeg(800, 600));
        using var response = await http.PostAsync($"{Base}/requests.json", form);
        await ExpectAsync(response, "json", 403, "before any photo file");

        // The same body with the key in the header is accepted: the limit is on where a key is looked for, not on photos.
        using var withHeader = Multipart(IntakeTestExtensions.RequestFields(key), keyLast: true, photo: TestImages.Jpeg(800, 600));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = withHeader };
        request.Headers.Add("X-Api-Key", key);
        using var accepted = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, bool keyLast, byte[] photo)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Where(f => f.Key != "api_key"))
        {
            form.Add(new StringContent(v), k);
        }

        if (!keyLast)
        {
            form.Add(new StringContent(fields["api_key"]), "api_key");
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "media", "anh.jpg");
        if (keyLast)
        {
            form.Add(new StringContent(fields["api_key"]), "api_key");
        }

        return form;
    }

    private static HttpClient English(PortalApp portal)
    {
        var http = portal.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return http;
    }

    /// <summary>A request written by hand (a length that is never sent), and the answer as text.</summary>
    private static async Task<string> RawAsync(PortalApp portal, string head)
    {
        var address = new Uri(portal.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        while (!text.ToString().Contains(']', StringComparison.Ordinal) && !text.ToString().Contains("</errors>", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response, string format, int code, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == code, $"expected {code}, got {(int)response.StatusCode}: {body}");
        string description;
        if (format == "json")
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var error = JsonDocument.Parse(body).RootElement[0];
            Assert.Equal(code, error.GetProperty("code").GetInt32());
            description = error.GetProperty("description").GetString()!;
        }
        else
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            var error = XDocument.Parse(body).Root!.Element("error")!;
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
            description = error.Element("description")!.Value;
        }

        Assert.Contains(message, description, StringComparison.Ordinal);
        return body;
    }
}
