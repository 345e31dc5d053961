using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// Status back to the citizen apps over real HTTP: the update feed as FixMyStreet reads it
/// (servicerequestupdates.xml?start_date&amp;end_date), incremental sync with updated_after, and long id lists.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311UpdateFeedTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Base = "/open311/v2";
    private const string Officer = "canbo.vithanh@haugiang.demo";

    [Fact]
    public async Task An_officers_public_update_and_reply_are_updates_in_their_window_and_an_internal_note_never_is()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostAsync(key);
        var received = app.Now;
        app.Clock.Advance(TimeSpan.FromHours(1));
        var acted = app.Now;

        await ActAsync(code, ReportAction.Accept);
        await ActAsync(code, ReportAction.AddNote, "GHI CHÚ NỘI BỘ: nhà ông Sáu, đừng nói với dân");
        await ActAsync(code, ReportAction.PublicUpdate, "Đã cử đội thu gom, liên hệ tổ trưởng 0912 345 678.");
        await ActAsync(code, ReportAction.Reply, "Đã thu gom xong.");

        using var http = app.Http();
        var window = $"start_date={W3C(acted.AddMinutes(-1))}&end_date={W3C(acted.AddMinutes(1))}";
        var updates = Updates(await GetAsync(http, $"{Base}/servicerequestupdates.json?api_key={key}&{window}")).Where(u => u["service_request_id"] == code).ToList();

        Assert.Equal(["in_progress", "in_progress", "resolved"], updates.Select(u => u["external_status_code"]));
        Assert.Equal(["in_progress", "in_progress", "fixed"], updates.Select(u => u["status"]));
        Assert.Equal("Đang xử lý: Đã cử đội thu gom, liên hệ tổ trưởng [số điện thoại].", updates[1]["description"]);
        Assert.Equal("Đã xử lý: Đã thu gom xong.", updates[2]["description"]);
        Assert.All(updates, u => Assert.EndsWith("+07:00", u["updated_datetime"], StringComparison.Ordinal));
        Assert.Equal(3, updates.Select(u => u["update_id"]).Distinct().Count());
        Assert.DoesNotContain(updates, u => u.ContainsKey("media_url"));

        // The ids are the events': the same update has the same id on every read (FixMyStreet dedupes by it).
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == code);
            var ids = await db.ReportEvents.Where(e => e.ReportId == report.Id && e.Visibility == EventVisibility.Public && e.Type != ReportEventType.Received)
                .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Equal(ids, updates.Select(u => u["update_id"]));
        }

        // Neither format, nor any window, ever shows the internal note.
        foreach (var format in new[] { "json", "xml" })
        {
            var body = await GetAsync(http, $"{Base}/servicerequestupdates.{format}?{window}");
            Assert.Contains(code, body, StringComparison.Ordinal);
            Assert.DoesNotContain("NỘI BỘ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("0912 345 678", body, StringComparison.Ordinal);
        }

        // Outside the window: the hour before the officer acted has no update of this request (receiving it is not one).
        var before = await GetAsync(http, $"{Base}/servicerequestupdates.json?start_date={W3C(received.AddMinutes(-5))}&end_date={W3C(acted.AddMinutes(-30))}");
        Assert.DoesNotContain(code, before, StringComparison.Ordinal);
        var after = await GetAsync(http, $"{Base}/servicerequestupdates.json?start_date={W3C(acted.AddMinutes(5))}&end_date={W3C(acted.AddHours(1))}");
        Assert.DoesNotContain(code, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizens_rating_closes_or_reopens_and_the_feed_shows_that_change()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostAsync(key);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var start = app.Now;
        await ActAsync(code, ReportAction.Accept);
        await ActAsync(code, ReportAction.Reply, "Đã thu gom xong.");
        using var http = app.Http();
        using var rated = await http.PostAsync($"{Base}/requests/{code}/rating.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["rating"] = "not_satisfied", ["comment"] = "Rác vẫn còn, gọi 0987654321",
        }));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var updates = Updates(await GetAsync(http, $"{Base}/servicerequestupdates.json?start_date={W3C(start.AddMinutes(-1))}&end_date={W3C(app.Now.AddMinutes(1))}"))
            .Where(u => u["service_request_id"] == code).ToList();
        Assert.Equal(["in_progress", "resolved", "in_progress"], updates.Select(u => u["external_status_code"]));
        Assert.Equal("in_progress", updates[2]["status"]);
        Assert.StartsWith("Đang xử lý: Người dân không hài lòng", updates[2]["description"], StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", updates[2]["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_and_a_duplicate_are_closed_with_statuses_FixMyStreet_does_not_read_as_fixed()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var original = await PostAsync(key);
        var copy = await PostAsync(key);
        var spam = await PostAsync(key);
        var elsewhere = await PostAsync(key);
        var start = app.Now;
        await using (var db = app.CreateDbContext())
        {
            var originalId = await db.Reports.Where(r => r.Code == original).Select(r => r.Id).SingleAsync();
            await ActAsync(copy, ReportAction.MarkDuplicate, null, r => r with { OriginalId = originalId });
        }

        await ActAsync(spam, ReportAction.Reject, "Nội dung không phải phản ánh.", r => r with { RejectReason = RejectReason.Spam });
        await ActAsync(elsewhere, ReportAction.Reject, "Đường tỉnh, thuộc Sở Xây dựng.", r => r with { RejectReason = RejectReason.OutsideScope });

        using var http = app.Http();
        var updates = Updates(await GetAsync(http, $"{Base}/servicerequestupdates.json?start_date={W3C(start.AddMinutes(-1))}&end_date={W3C(app.Now.AddMinutes(1))}"));
        var duplicate = updates.Single(u => u["service_request_id"] == copy);
        // FixMyStreet's map_state: duplicate → "duplicate", no_further_action → "unable to fix",
        // not_councils_responsibility → "not responsible"; a plain "closed" would become "fixed - council".
        Assert.Equal(("duplicate", "duplicate", "Trùng với phản ánh khác: " + original), (duplicate["status"], duplicate["external_status_code"], duplicate["description"]));
        var rejected = updates.Single(u => u["service_request_id"] == spam);
        Assert.Equal(("no_further_action", "rejected", "Từ chối: Nội dung không phải phản ánh."), (rejected["status"], rejected["external_status_code"], rejected["description"]));
        var notOurs = updates.Single(u => u["service_request_id"] == elsewhere);
        Assert.Equal(("not_councils_responsibility", "rejected"), (notOurs["status"], notOurs["external_status_code"]));

        // GET requests keeps the specification's open/closed, and names the state in external_status_code (which
        // FixMyStreet's fallback updater stores for its response templates).
        var requests = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?service_request_id={copy},{spam}")).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("service_request_id").GetString()!, r => (r.GetProperty("status").GetString(), r.GetProperty("external_status_code").GetString()));
        Assert.Equal(("closed", "duplicate"), requests[copy]);
        Assert.Equal(("closed", "rejected"), requests[spam]);
    }

    [Fact]
    public async Task A_private_reports_updates_carry_its_state_but_no_text()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostAsync(key);
        await using (var db = app.CreateDbContext())
        {
            await db.Reports.Where(r => r.Code == code).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, false));
        }

        var start = app.Now;
        await ActAsync(code, ReportAction.Accept);
        await ActAsync(code, ReportAction.PublicUpdate, "Đã liên hệ nhà ông Sáu số 12 hẻm 5.");
        await ActAsync(code, ReportAction.Reply, "Đã xử lý nhà ông Sáu.");

        using var http = app.Http();
        foreach (var format in new[] { "json", "xml" })
        {
            var body = await GetAsync(http, $"{Base}/servicerequestupdates.{format}?start_date={W3C(start.AddMinutes(-1))}&end_date={W3C(app.Now.AddMinutes(1))}");
            Assert.DoesNotContain("ông Sáu", body, StringComparison.Ordinal);
            var updates = (format == "json" ? Updates(body) : XmlUpdates(body)).Where(u => u["service_request_id"] == code).ToList();
            Assert.Equal(["Đang xử lý", "Đang xử lý", "Đã xử lý"], updates.Select(u => u["description"]));
            Assert.Equal("resolved", updates[2]["external_status_code"]);
        }
    }

    /// <summary>FixMyStreet reads the XML with XML::Simple: root service_request_updates, items request_update (Open311.pm).</summary>
    [Fact]
    public async Task The_xml_has_the_element_names_fixmystreets_parser_expects()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostAsync(key);
        var start = app.Now;
        await ActAsync(code, ReportAction.Accept);
        await ActAsync(code, ReportAction.Reply, "Đã thu gom <xong> & sạch.");

        using var http = app.Http();
        using var response = await http.GetAsync($"{Base}/servicerequestupdates.xml?api_key={key}&start_date={W3C(start.AddSeconds(-1))}&end_date={W3C(app.Now.AddSeconds(1))}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("service_request_updates", xml.Root!.Name.LocalName);
        Assert.All(xml.Root.Elements(), e => Assert.Equal("request_update", e.Name.LocalName));
        var update = xml.Root.Elements("request_update").Last(e => e.Element("service_request_id")!.Value == code);
        Assert.Equal(
            ["update_id", "service_request_id", "status", "external_status_code", "updated_datetime", "description"],
            update.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("fixed", update.Element("status")!.Value);
        Assert.Equal("Đã xử lý: Đã thu gom <xong> & sạch.", update.Element("description")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", update.Element("updated_datetime")!.Value);

        // An empty window is an empty root, which XML::Simple reads as no updates.
        var empty = XDocument.Parse(await GetAsync(http, $"{Base}/servicerequestupdates.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z"));
        Assert.Equal("service_request_updates", empty.Root!.Name.LocalName);
        Assert.Empty(empty.Root.Elements());
    }

    [Fact]
    public async Task Bad_dates_and_ranges_are_open311_errors()
    {
        using var http = app.Http();
        foreach (var (query, word) in new[] { ("start_date=hôm-qua", "start_date"), ("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90"), ("cursor=abc", "cursor") })
        {
            using var response = await http.GetAsync($"{Base}/servicerequestupdates.xml?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = XDocument.Parse(body).Root!;
            Assert.Equal("errors", error.Name.LocalName);
            Assert.Contains(word, error.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
        }

        // A client that forgot to encode the offset's '+' sends a space: read as the '+' it was (read otherwise,
        // the window would be hours away from the update).
        var (_, key) = await app.CreateApiClientAsync();
        var code = await PostAsync(key);
        await ActAsync(code, ReportAction.Accept);
        string Local(DateTime utc) => utc.AddHours(7).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+07:00";
        var spaced = await GetAsync(http, $"{Base}/servicerequestupdates.json?start_date={Local(app.Now.AddMinutes(-1))}&end_date={Local(app.Now.AddMinutes(1))}");
        Assert.Contains(code, spaced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updated_after_lists_only_requests_changed_since_newest_first()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var untouched = await PostAsync(key);
        var first = await PostAsync(key);
        var second = await PostAsync(key);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var since = app.Now;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ActAsync(first, ReportAction.Accept);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ActAsync(second, ReportAction.Accept);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ActAsync(first, ReportAction.Reply, "Đã thu gom xong.");

        using var http = app.Http();
        var list = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?updated_after={W3C(since)}")).RootElement.EnumerateArray()
            .Select(r => (Code: r.GetProperty("service_request_id").GetString()!, Updated: r.GetProperty("updated_datetime").GetString()!)).ToList();
        Assert.Equal([first, second], list.Select(r => r.Code).Where(c => c == first || c == second || c == untouched));
        Assert.All(list, r => Assert.True(DateTimeOffset.Parse(r.Updated, CultureInfo.InvariantCulture) > since, r.Code + " " + r.Updated));
        Assert.Equal(list.OrderByDescending(r => r.Updated, StringComparer.Ordinal).Select(r => r.Code), list.Select(r => r.Code));

        // updated_before closes the window on the last update: first was updated again after it, second was not.
        var between = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?updated_after={W3C(since)}&updated_before={W3C(since.AddSeconds(150))}")).RootElement;
        Assert.Equal([second], between.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).Where(c => c == first || c == second));

        // A report received long ago (the seed's) but updated now is listed: no default window on the time received.
        var old = await SeedReportAsync();
        await ActAsync(old, ReportAction.PublicUpdate, "Đang xử lý tiếp.");
        var synced = await GetAsync(http, $"{Base}/requests.json?updated_after={W3C(app.Now.AddSeconds(-1))}");
        Assert.Contains(old, synced, StringComparison.Ordinal);

        // Paging by cursor follows the update order without gaps or repeats.
        var all = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?updated_after={W3C(since)}")).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        var paged = new List<string?>();
        string? next = $"{Base}/requests.json?updated_after={W3C(since)}&page_size=1";
        while (next is not null)
        {
            using var response = await http.GetAsync(next);
            paged.AddRange(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
            next = response.Headers.TryGetValues("X-Next-Cursor", out var c) ? $"{Base}/requests.json?updated_after={W3C(since)}&page_size=1&cursor={c.Single()}" : null;
        }

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task A_long_id_list_is_answered_whole_in_one_response()
    {
        await using var db = app.CreateDbContext();
        var codes = await db.Reports.OrderBy(r => r.Id).Select(r => r.Code).Take(150).ToListAsync();
        Assert.Equal(150, codes.Count);
        using var http = app.Http();
        var list = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?service_request_id={string.Join(',', codes)}")).RootElement;
        Assert.Equal(codes.Order(StringComparer.Ordinal), list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).Order(StringComparer.Ordinal));

        // The most a client may ask for at once (unknown ids are simply not in the answer), then one more.
        var many = codes.Concat(Enumerable.Range(1, 2000 - codes.Count).Select(i => $"HG-1999-{i:000000}")).ToList();
        var whole = JsonDocument.Parse(await GetAsync(http, $"{Base}/requests.json?service_request_id={string.Join(',', many)}")).RootElement;
        Assert.Equal(150, whole.GetArrayLength());
        using var tooMany = await http.GetAsync($"{Base}/requests.json?service_request_id={string.Join(',', many.Append("HG-1999-999999"))}");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_update_feed()
    {
        using var http = app.Http();
        var doc = JsonDocument.Parse(await http.GetStringAsync("/openapi/open311.json")).RootElement;
        var get = doc.GetProperty("paths").GetProperty("/open311/v2/servicerequestupdates.{format}").GetProperty("get");
        Assert.Contains("request_update", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.Contains("updated_after", doc.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("get").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(string key)
    {
        using var http = app.Http();
        using var post = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        return JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>An open seed report of the officer's unit (received days before the test's clock).</summary>
    private async Task<string> SeedReportAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Reports.Where(r => r.Unit!.Code == "UBND-31321" && r.State == ReportState.InProgress && r.ReceivedAt < app.Now.AddDays(-1))
            .OrderBy(r => r.Id).Select(r => r.Code).FirstAsync();
    }

    private async Task ActAsync(string code, ReportAction action, string? text = null, Func<ActionRequest, ActionRequest>? with = null)
    {
        var officer = await app.UserAsync(Officer);
        await using var db = app.CreateDbContext();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
        var result = await app.Services.GetRequiredService<ReportActions>().ExecuteAsync(officer, report.Id, (with ?? (r => r))(new ActionRequest(action, report.Version) { Text = text }));
        Assert.True(result.Succeeded, $"{action} on {code}");
    }

    private static string W3C(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Updates(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(u => u.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToList();

    private static List<Dictionary<string, string>> XmlUpdates(string xml) =>
        XDocument.Parse(xml).Root!.Elements("request_update").Select(u => u.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return body;
    }
}
