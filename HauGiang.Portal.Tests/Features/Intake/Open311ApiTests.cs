using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>The Open311 GeoReport v2 API over real HTTP (Kestrel), in both formats, with every error it can give.</summary>
[Trait(Tier.Key, Tier.App)]
public class Open311ApiTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Base = "/open311/v2";

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Discovery_services_and_service_definitions_answer_in_both_formats(string format)
    {
        using var http = app.Http();

        var discovery = await GetAsync(http, $"{Base}/discovery.{format}", format);
        Assert.Equal("discovery", Root(discovery, format));
        Assert.Contains("http://wiki.open311.org/GeoReport_v2", discovery, StringComparison.Ordinal);
        Assert.Contains(app.BaseUrl + "/open311/v2", discovery, StringComparison.Ordinal);

        var services = await GetAsync(http, $"{Base}/services.{format}", format);
        await using var db = app.CreateDbContext();
        var active = await db.Categories.CountAsync(c => c.IsActive);
        if (format == "json")
        {
            var list = JsonDocument.Parse(services).RootElement;
            Assert.Equal(active, list.GetArrayLength());
            var rubbish = list.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "rac-thai");
            Assert.Equal("Rác thải, vệ sinh môi trường", rubbish.GetProperty("service_name").GetString());
            Assert.Equal("Môi trường", rubbish.GetProperty("group").GetString());
            Assert.Equal("realtime", rubbish.GetProperty("type").GetString());
            Assert.False(rubbish.GetProperty("metadata").GetBoolean());
            Assert.True(list.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "ngap-nuoc").GetProperty("metadata").GetBoolean());
        }
        else
        {
            var xml = XDocument.Parse(services);
            Assert.Equal(active, xml.Root!.Elements("service").Count());
            var flood = xml.Root.Elements("service").Single(s => s.Element("service_code")!.Value == "ngap-nuoc");
            Assert.Equal("true", flood.Element("metadata")!.Value);
            Assert.Equal("Ngập nước, cống thoát nước", flood.Element("service_name")!.Value);
        }

        var definition = await GetAsync(http, $"{Base}/services/cay-xanh.{format}", format);
        Assert.Equal("service_definition", Root(definition, format));
        if (format == "json")
        {
            var attribute = JsonDocument.Parse(definition).RootElement.GetProperty("attributes")[0];
            Assert.Equal("chan_duong", attribute.GetProperty("code").GetString());
            Assert.True(attribute.GetProperty("required").GetBoolean());
            Assert.Equal("singlevaluelist", attribute.GetProperty("datatype").GetString());
            Assert.Equal(2, attribute.GetProperty("values").GetArrayLength());
        }
        else
        {
            var attribute = XDocument.Parse(definition).Root!.Element("attributes")!.Element("attribute")!;
            Assert.Equal("chan_duong", attribute.Element("code")!.Value);
            Assert.Equal(["co", "khong"], attribute.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
        }

        var plain = await GetAsync(http, $"{Base}/services/rac-thai.{format}", format);
        Assert.Contains("rac-thai", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_is_given_to_clients_that_ask_for_it()
    {
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var list = JsonDocument.Parse(await GetAsync(http, $"{Base}/services.json", "json")).RootElement;
        Assert.Equal("Rubbish and sanitation", list.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "rac-thai").GetProperty("service_name").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_posted_request_is_routed_and_can_be_read_back_by_id_list_and_token(string format)
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        var fields = IntakeTestExtensions.RequestFields(key);
        fields["address_string"] = "Chợ Vị Thanh, đường 3 Tháng 2";
        using var post = await http.PostAsync($"{Base}/requests.{format}", new FormUrlEncodedContent(fields));
        var body = await post.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.StartsWith(format == "json" ? "application/json" : "text/xml", post.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var code = format == "json"
            ? JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!
            : XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.Matches(@"^HG-\d{4}-\d{6}$", code);
        Assert.Contains("UBND Phường Vị Thanh", body, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.Include(r => r.Unit).Include(r => r.Events).SingleAsync(r => r.Code == code);
            Assert.Equal("UBND-31321", report.Unit!.Code);
            Assert.Equal(ReportSource.Open311, report.Source);
            Assert.Equal(ReportState.New, report.State);
            Assert.Equal(ReportEventType.Received, Assert.Single(report.Events).Type);
            var calendar = new WorkingCalendar(await db.CalendarDays.ToListAsync());
            Assert.Equal(calendar.DueAtUtc(report.ReceivedAt, 2), report.DueAt);
        }

        foreach (var path in new[] { $"{Base}/requests/{code}.{format}", $"{Base}/requests.{format}?service_request_id={code}", $"{Base}/requests.{format}?service_code=rac-thai&status=open&page_size=1000" })
        {
            var read = await GetAsync(http, path, format);
            Assert.Contains("+07:00", read, StringComparison.Ordinal); // as written, not \u002B07:00
            Assert.Equal(format == "json" ? null : "service_requests", format == "json" ? null : Root(read, format));
            var request = FindRequest(read, format, code);
            Assert.Equal("open", request["status"]);
            Assert.Equal("rac-thai", request["service_code"]);
            Assert.Equal("UBND Phường Vị Thanh", request["agency_responsible"]);
            Assert.Equal("new", request["detailed_status"]);
            Assert.Equal(fields["description"], request["description"]);
            Assert.EndsWith("+07:00", request["requested_datetime"], StringComparison.Ordinal);
            Assert.EndsWith("T17:00:00+07:00", request["expected_datetime"], StringComparison.Ordinal);
            Assert.Equal("9.783", request["lat"]);
        }

        var token = await GetAsync(http, $"{Base}/tokens/{code}.{format}", format);
        Assert.Contains(code, token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_reads_never_contain_the_reporters_contact()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        var fields = IntakeTestExtensions.RequestFields(key);
        var secrets = new Dictionary<string, string>
        {
            ["email"] = "bi.mat.nguoi.dan@example.vn",
            ["phone"] = "0987654321",
            ["first_name"] = "Thị Kín",
            ["last_name"] = "Đáo",
            ["device_id"] = "device-SECRET-42",
            ["account_id"] = "account-SECRET-77",
        };
        foreach (var (k, v) in secrets)
        {
            fields[k] = v;
        }

        using var post = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(fields));
        var postBody = await post.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var code = JsonDocument.Parse(postBody).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.DoesNotContain(secrets.Values, postBody.Contains); // not even echoed to the sender

        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == code);
            var contact = await db.ReporterContacts.SingleAsync(c => c.ReportId == report.Id);
            Assert.Equal(("Thị Kín Đáo", "0987654321", "bi.mat.nguoi.dan@example.vn", "device-SECRET-42", "account-SECRET-77"), (contact.Name, contact.Phone, contact.Email, contact.DeviceId, contact.AccountId));
        }

        foreach (var format in new[] { "json", "xml" })
        {
            foreach (var path in new[] { $"{Base}/requests/{code}.{format}", $"{Base}/requests.{format}?service_request_id={code}", $"{Base}/requests.{format}", $"{Base}/tokens/{code}.{format}" })
            {
                var body = await GetAsync(http, path, format);
                Assert.Contains(code, body, StringComparison.Ordinal);
                foreach (var secret in secrets.Values.Append("Thị Kín"))
                {
                    Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
                }

                foreach (var field in secrets.Keys)
                {
                    Assert.DoesNotContain(format == "json" ? $"\"{field}\"" : $"<{field}>", body, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Errors_use_the_specifications_format_and_status_codes(string format)
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        // 403: no key, an unknown key.
        var noKey = IntakeTestExtensions.RequestFields(key);
        noKey.Remove("api_key");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", noKey, format, 403, "api_key was not provided");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields("hg_not-a-real-key"), format, 403, "invalid");

        // 400: missing or unknown service_code, no location, bad coordinates, outside the province, missing description, a missing required attribute.
        var fields = IntakeTestExtensions.RequestFields(key);
        fields.Remove("service_code");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "service_code is required");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields(key, serviceCode: "khong-co"), format, 400, "No service with service_code 'khong-co'");
        fields = IntakeTestExtensions.RequestFields(key);
        fields.Remove("lat");
        fields.Remove("long");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "A location is required");
        fields["address_string"] = "số 12, một con phố không có tên phường";
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "A location is required");
        fields = IntakeTestExtensions.RequestFields(key);
        fields["lat"] = "chín";
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "decimal numbers");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields(key, lat: 21.0285, lon: 105.8542), format, 400, "outside the service area");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields(key, description: "   "), format, 400, "description is required");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields(key, description: new string('x', 4001)), format, 400, "longer than 4000");
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", IntakeTestExtensions.RequestFields(key, serviceCode: "cay-xanh"), format, 400, "attribute[chan_duong]");
        fields = IntakeTestExtensions.RequestFields(key, serviceCode: "cay-xanh");
        fields["attribute[chan_duong]"] = "co-le";
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "Invalid value for attribute[chan_duong]");
        fields = IntakeTestExtensions.RequestFields(key);
        fields["email"] = "không phải email";
        await ExpectErrorAsync(http, HttpMethod.Post, $"{Base}/requests.{format}", fields, format, 400, "email address is not valid");

        // 400 on reads: bad dates, a range over 90 days, a bad status.
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/requests.{format}?start_date=hôm-qua", null, format, 400, "start_date");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/requests.{format}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", null, format, 400, "90 days");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/requests.{format}?status=pending", null, format, 400, "open or closed");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/requests.{format}?page_size=5000", null, format, 400, "page_size");

        // 404: unknown request, service, token, jurisdiction.
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/requests/HG-1999-000001.{format}", null, format, 404, "HG-1999-000001");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/services/khong-co.{format}", null, format, 404, "khong-co");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/tokens/khong-co.{format}", null, format, 404, "khong-co");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/services.{format}?jurisdiction_id=hanoi.gov.vn", null, format, 404, "jurisdiction_id");
    }

    [Fact]
    public async Task An_unknown_format_is_a_404_in_json_and_a_post_that_is_not_a_form_is_a_400()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await ExpectErrorAsync(http, HttpMethod.Get, $"{Base}/services.yaml", null, "json", 404, "use .json or .xml");
        using var json = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = new StringContent("{\"service_code\":\"rac-thai\"}", System.Text.Encoding.UTF8, "application/json") };
        json.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("as a form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_description_is_escaped_in_xml_and_json_and_comes_back_as_typed()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        var text = "Cống <b>vỡ</b> & \"nước\" tràn — ]]> <script>alert(1)</script> " + Guid.NewGuid().ToString("N")[..6];
        using var post = await http.PostAsync($"{Base}/requests.xml", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, description: text)));
        var code = XDocument.Parse(await post.Content.ReadAsStringAsync()).Root!.Element("request")!.Element("service_request_id")!.Value;

        var xml = await GetAsync(http, $"{Base}/requests/{code}.xml", "xml");
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.Equal(text, XDocument.Parse(xml).Root!.Element("request")!.Element("description")!.Value);
        var json = await GetAsync(http, $"{Base}/requests/{code}.json", "json");
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains("tràn", json, StringComparison.Ordinal); // Vietnamese is not escaped
        Assert.Equal(text, JsonDocument.Parse(json).RootElement[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_400_not_a_server_error()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json")
        {
            Content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nrac-thai\r\n--b-- not closed", System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zzz");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var (id, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using (var ok = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key))))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        Assert.True(await app.Services.GetRequiredService<ApiClientService>().RevokeAsync(await app.UserAsync(IntakeTestExtensions.Admin), id));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(["apiclient.create", "apiclient.revoke"], await db.AuditEntries.Where(a => a.EntityType == nameof(ApiClient) && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        }

        var description = "Sau khi thu hồi " + Guid.NewGuid().ToString("N");
        using var refused = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, description: description)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(403, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
        await using var check = app.CreateDbContext();
        Assert.False(await check.Reports.AnyAsync(r => r.Description == description));
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_other_clients_are_not_affected()
    {
        var (_, slow) = await app.CreateApiClientAsync(requestsPerMinute: 3);
        var (_, other) = await app.CreateApiClientAsync();
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(slow)));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var limited = await http.PostAsync($"{Base}/requests.xml", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(slow)));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var error = XDocument.Parse(await limited.Content.ReadAsStringAsync()).Root!.Element("error")!;
        Assert.Equal("429", error.Element("code")!.Value);
        Assert.Contains("Too many requests", error.Element("description")!.Value, StringComparison.Ordinal);

        // Reads with the same key count too; another client has its own window.
        using var read = new HttpRequestMessage(HttpMethod.Get, $"{Base}/services.json");
        read.Headers.Add("X-Api-Key", slow);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(read)).StatusCode);
        using var fine = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(other)));
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Fact]
    public async Task Ten_concurrent_posts_with_one_idempotency_key_create_one_report()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var idempotencyKey = "k-" + Guid.NewGuid();
        var description = "Idempotent " + Guid.NewGuid().ToString("N");
        var photo = TestImages.Jpeg(2400, 1800); // makes the first request take a while, so the others arrive during it
        using var http = app.Http();

        async Task<(HttpStatusCode Status, string Body)> PostOnce()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = Multipart(IntakeTestExtensions.RequestFields(key, description: description), photo) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(PostOnce)));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{r.Status}: {r.Body}"));
        var created = results.Where(r => r.Status == HttpStatusCode.Created).Select(r => JsonDocument.Parse(r.Body).RootElement[0].GetProperty("service_request_id").GetString()).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Distinct());
        Assert.Contains(results, r => r.Status == HttpStatusCode.Conflict);
        Assert.All(results.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal(409, JsonDocument.Parse(r.Body).RootElement[0].GetProperty("code").GetInt32()));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Reports.CountAsync(r => r.Description == description));
            Assert.Equal(1, await db.ReportPhotos.CountAsync(p => db.Reports.Any(r => r.Id == p.ReportId && r.Description == description)));
        }

        // A later retry gets the same answer; the same key with another body is refused.
        var again = await PostOnce();
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(created[0], JsonDocument.Parse(again.Body).RootElement[0].GetProperty("service_request_id").GetString());

        using var other = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, description: description + " (sửa)")) };
        other.Headers.Add("Idempotency-Key", idempotencyKey);
        using var mismatch = await http.SendAsync(other);
        Assert.Equal((HttpStatusCode)422, mismatch.StatusCode);
        Assert.Equal(422, JsonDocument.Parse(await mismatch.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Reports.CountAsync(r => r.Description.StartsWith(description)));
    }

    [Fact]
    public async Task A_failed_request_releases_its_idempotency_key_and_keys_belong_to_one_client()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var (_, otherKey) = await app.CreateApiClientAsync();
        var idem = "retry-" + Guid.NewGuid();
        using var http = app.Http();

        async Task<HttpResponseMessage> Send(Dictionary<string, string> fields)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Idempotency-Key", idem);
            return await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(IntakeTestExtensions.RequestFields(key, lat: 21.03, lon: 105.85))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(IntakeTestExtensions.RequestFields(key))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(IntakeTestExtensions.RequestFields(otherKey))).StatusCode);

        using var bad = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.json") { Content = new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)) };
        bad.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task Paging_follows_the_cursor_without_gaps_or_repeats_and_status_and_dates_filter()
    {
        using var http = app.Http();
        var start = app.Now.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var all = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?start_date={start}", "json")).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.True(all.Count > 20, "the seed has reports in the last 30 days");

        var paged = new List<string?>();
        string? next = $"{Base}/requests.json?start_date={start}&page_size=7";
        while (next is not null)
        {
            using var response = await http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            paged.AddRange(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
            next = response.Headers.TryGetValues("X-Next-Cursor", out var c) ? $"{Base}/requests.json?start_date={start}&page_size=7&cursor={c.Single()}" : null;
        }

        Assert.Equal(all, paged);

        var closed = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?status=closed", "json")).RootElement;
        Assert.NotEqual(0, closed.GetArrayLength());
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        var open = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?status=open&service_code=rac-thai,duong-hu-hong", "json")).RootElement;
        Assert.All(open.EnumerateArray(), r =>
        {
            Assert.Equal("open", r.GetProperty("status").GetString());
            Assert.Contains(r.GetProperty("service_code").GetString(), new[] { "rac-thai", "duong-hu-hong" });
        });
    }

    [Fact]
    public async Task A_citizen_not_satisfied_with_a_resolved_request_reopens_it_and_only_its_sender_may_rate()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var (_, stranger) = await app.CreateApiClientAsync();
        using var http = app.Http();
        using var post = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        var code = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        Dictionary<string, string> Rating(string k, string value) => new() { ["api_key"] = k, ["rating"] = value, ["comment"] = "Rác vẫn còn" };
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"{Base}/requests/{code}/rating.json", new FormUrlEncodedContent(Rating(key, "not_satisfied")))).StatusCode);

        // The ward officer accepts and replies: resolved.
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var reports = app.Services.GetRequiredService<ReportActions>();
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == code);
            Assert.True((await reports.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Accept, report.Version))).Succeeded);
            Assert.True((await reports.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.Reply, report.Version + 1) { Text = "Đã thu gom xong." })).Succeeded);
        }

        var resolved = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests/{code}.json", "json")).RootElement[0];
        Assert.Equal("closed", resolved.GetProperty("status").GetString());
        Assert.Equal("resolved", resolved.GetProperty("detailed_status").GetString());
        Assert.Contains("Đã thu gom xong.", resolved.GetProperty("status_notes").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync($"{Base}/requests/{code}/rating.json", new FormUrlEncodedContent(Rating(stranger, "satisfied")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync($"{Base}/requests/{code}/rating.json", new FormUrlEncodedContent(Rating(key, "5 sao")))).StatusCode);
        using var rated = await http.PostAsync($"{Base}/requests/{code}/rating.xml", new FormUrlEncodedContent(Rating(key, "not_satisfied")));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var request = XDocument.Parse(await rated.Content.ReadAsStringAsync()).Root!.Element("request")!;
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("not_satisfied", request.Element("rating")!.Value);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"{Base}/requests/{code}/rating.json", new FormUrlEncodedContent(Rating(key, "satisfied")))).StatusCode);

        await using var check = app.CreateDbContext();
        var after = await check.Reports.Include(r => r.Events).SingleAsync(r => r.Code == code);
        Assert.Equal(ReportState.InProgress, after.State);
        Assert.Equal(CitizenRating.NotSatisfied, after.Rating);
        Assert.Equal([ReportEventType.Rated, ReportEventType.Reopened], after.Events.OrderBy(e => e.At).ThenBy(e => e.Id).TakeLast(2).Select(e => e.Type));

        // The rating keeps its time through the reopening (the dashboard's satisfaction counts ratings by it).
        Assert.Null(after.ResolvedAt);
        Assert.Equal(after.Events.Single(e => e.Type == ReportEventType.Rated).At, after.RatedAt);
    }

    /// <summary>
    /// The public feed shows no reporter: numbers and addresses typed into a description are masked, and a report
    /// marked private shows only its code, service and status — while officers keep the original text.
    /// </summary>
    [Fact]
    public async Task Public_reads_mask_contacts_in_text_and_show_a_private_report_only_by_code_service_and_status()
    {
        var typed = "Rác tràn ra đường, ai cần gọi tôi 0912 345 678 hoặc +84 987.654.321, email bimat.nguoidan@example.vn.";
        var open = await app.CreateReportAsync("UBND-31321", description: typed, lat: 9.7845678, lon: 105.4701234);
        var hidden = await app.CreateReportAsync("UBND-31321", description: "Nhà ông Sáu số 12 hẻm 5 đổ rác, gọi 0909111222.", lat: 9.7845678, lon: 105.4701234);
        await using (var db = app.CreateDbContext())
        {
            await db.Reports.Where(r => r.Id == hidden.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, false));
        }

        // The unit accepts it and writes a public progress update that names the place.
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var reports = app.Services.GetRequiredService<ReportActions>();
        Assert.True((await reports.ExecuteAsync(officer, hidden.Id, new ActionRequest(ReportAction.Accept, await VersionAsync(hidden.Id)))).Succeeded);
        Assert.True((await reports.ExecuteAsync(officer, hidden.Id, new ActionRequest(ReportAction.PublicUpdate, await VersionAsync(hidden.Id)) { Text = "Đã cử tổ đến nhà ông Sáu số 12." })).Succeeded);

        using var http = app.Http();
        var shown = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests/{open.Code}.json", "json")).RootElement[0];
        var text = shown.GetProperty("description").GetString()!;
        Assert.Equal("Rác tràn ra đường, ai cần gọi tôi [số điện thoại] hoặc [số điện thoại], email [email].", text);

        var secret = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests/{hidden.Code}.json", "json")).RootElement[0];
        Assert.Equal(hidden.Code, secret.GetProperty("service_request_id").GetString());
        Assert.Equal("Phản ánh không công khai.", secret.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, secret.GetProperty("address").ValueKind);
        Assert.Equal(9.78, secret.GetProperty("lat").GetDouble());
        Assert.Equal(105.47, secret.GetProperty("long").GetDouble());
        Assert.Equal("open", secret.GetProperty("status").GetString());
        Assert.DoesNotContain("ông Sáu", secret.GetProperty("status_notes").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0909111222", await GetAsync(http, $"{Base}/requests.json?service_request_id={hidden.Code},{open.Code}", "json"), StringComparison.Ordinal);

        // Officers keep the original text.
        var detail = await app.Services.GetRequiredService<ReportService>().GetAsync(officer, open.Code, english: false);
        Assert.Equal(typed, detail!.Description);
    }

    private async Task<int> VersionAsync(long reportId)
    {
        await using var db = app.CreateDbContext();
        return await db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_open311_endpoints()
    {
        using var http = app.Http();
        var doc = JsonDocument.Parse(await http.GetStringAsync("/openapi/open311.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/open311/v2/requests.{format}", paths);
        Assert.Contains("/open311/v2/services/{service_code}.{format}", paths);
        Assert.Contains("/open311/v2/tokens/{token}.{format}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/photos", StringComparison.Ordinal));
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, byte[] photo)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "media", "hien-truong.jpg");
        return form;
    }

    private static async Task<string> GetAsync(HttpClient http, string path, string format)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        Assert.StartsWith(format == "json" ? "application/json" : "text/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return body;
    }

    private static string? Root(string body, string format) => format == "xml" ? XDocument.Parse(body).Root!.Name.LocalName : (JsonDocument.Parse(body).RootElement.ValueKind == JsonValueKind.Object ? "discovery" : null) switch
    {
        _ when body.Contains("\"attributes\"", StringComparison.Ordinal) => "service_definition",
        var x => x,
    };

    private static Dictionary<string, string> FindRequest(string body, string format, string code)
    {
        if (format == "json")
        {
            var item = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == code);
            return item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }

        var element = XDocument.Parse(body).Root!.Elements("request").Single(r => r.Element("service_request_id")!.Value == code);
        return element.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
    }

    private static async Task ExpectErrorAsync(HttpClient http, HttpMethod method, string path, Dictionary<string, string>? form, string format, int code, string message)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == code, $"{method} {path}: expected {code}, got {(int)response.StatusCode} {body}");
        string description;
        if (format == "json")
        {
            var error = JsonDocument.Parse(body).RootElement[0];
            Assert.Equal(code, error.GetProperty("code").GetInt32());
            description = error.GetProperty("description").GetString()!;
        }
        else
        {
            var root = XDocument.Parse(body).Root!;
            Assert.Equal("errors", root.Name.LocalName);
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Element("error")!.Element("code")!.Value);
            description = root.Element("error")!.Element("description")!.Value;
        }

        Assert.Contains(message, description, StringComparison.Ordinal);
    }
}
