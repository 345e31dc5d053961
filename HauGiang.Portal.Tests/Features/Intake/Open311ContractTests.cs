using System.Net;
using System.Text.Json;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// The OpenAPI document against the endpoints: every query parameter GET requests accepts — each one shown to be
/// read by the endpoint (a bad value is refused naming it, or the filter changes the answer) — is documented, and
/// nothing else; the api_key schemes and the paging, idempotency and rate-limit headers are there for generators.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311ContractTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    /// <summary>What GET requests accepts, each with a value it refuses (English errors) and the word the refusal names.</summary>
    private static readonly (string Name, string Probe, int Status, string Word)[] Accepted =
    [
        ("service_request_id", "service_request_id=" + string.Join(",", Enumerable.Repeat("X", 2001)), 400, "service_request_id"),
        ("start_date", "start_date=yesterday", 400, "start_date"),
        ("end_date", "end_date=yesterday", 400, "end_date"),
        ("status", "status=fixed", 400, "status"),
        ("updated_after", "updated_after=yesterday", 400, "updated_after"),
        ("updated_before", "updated_before=yesterday", 400, "updated_before"),
        ("page", "page=0", 400, "page"),
        ("page_size", "page_size=0", 400, "page_size"),
        ("cursor", "cursor=abc", 400, "cursor"),
        ("lat", "lat=north&long=105.4", 400, "lat"),
        ("long", "lat=9.7&long=east", 400, "long"),
        ("radius", "lat=9.7&long=105.4&radius=-1", 400, "radius"),
        ("bbox", "bbox=1,2", 400, "bbox"),
        ("jurisdiction_id", "jurisdiction_id=elsewhere.example", 404, "jurisdiction_id"),
    ];

    [Fact]
    public async Task Every_parameter_GET_requests_accepts_is_documented_and_nothing_else()
    {
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        foreach (var (name, probe, status, word) in Accepted)
        {
            using var response = await http.GetAsync($"/open311/v2/requests.json?{probe}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{name}: {(int)response.StatusCode} {body}");
            Assert.Contains(word, JsonDocument.Parse(body).RootElement[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        // service_code filters rather than refuses: an unknown code matches nothing.
        using (var unknown = await http.GetAsync("/open311/v2/requests.json?service_code=khong-co"))
        {
            Assert.Equal("0", unknown.Headers.GetValues("X-Total-Count").Single());
        }

        var accepted = Accepted.Select(a => a.Name).Append("service_code").Order(StringComparer.Ordinal).ToList();
        var operation = (await DocumentAsync(http)).GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("get");
        var documented = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(accepted, documented);
        Assert.All(operation.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));

        var headers = operation.GetProperty("responses").GetProperty("200").GetProperty("headers");
        Assert.All(new[] { "X-Total-Count", "Link", "X-Next-Cursor" }, h => Assert.True(headers.TryGetProperty(h, out _), h));
        Assert.True(operation.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    [Fact]
    public async Task The_api_key_schemes_idempotency_key_and_the_update_feed_are_documented()
    {
        using var http = app.Http();
        var doc = await DocumentAsync(http);
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        var header = schemes.GetProperty("api_key_header");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (header.GetProperty("type").GetString(), header.GetProperty("in").GetString(), header.GetProperty("name").GetString()));
        var query = schemes.GetProperty("api_key_query");
        Assert.Equal(("apiKey", "query", "api_key"), (query.GetProperty("type").GetString(), query.GetProperty("in").GetString(), query.GetProperty("name").GetString()));

        var post = doc.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        var required = post.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
        Assert.Equal(["api_key_header", "api_key_query"], required); // a POST needs one of them; no empty (optional) requirement
        var idempotency = post.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", idempotency.GetProperty("in").GetString());
        Assert.True(post.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        Assert.True(post.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));

        var updates = doc.GetProperty("paths").GetProperty("/open311/v2/servicerequestupdates.{format}").GetProperty("get");
        var names = updates.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.All(new[] { "start_date", "end_date", "page_size", "cursor", "jurisdiction_id" }, n => Assert.Contains(n, names));
    }

    [Fact]
    public async Task FixMyStreets_update_posting_is_refused_in_Open311s_format_as_the_docs_say()
    {
        // docs/open311.md: updates sent by FixMyStreet users are not taken yet; FixMyStreet keeps them and retries.
        using var http = app.Http();
        var (_, key) = await app.CreateApiClientAsync();
        using var response = await http.PostAsync("/open311/v2/servicerequestupdates.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_request_id"] = "HG-2026-000001", ["update_id"] = "1", ["description"] = "Vẫn còn", ["status"] = "OPEN",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.StatusCode} {body}");
        Assert.Equal("errors", System.Xml.Linq.XDocument.Parse(body).Root!.Name.LocalName);
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/openapi/open311.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
