using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>The app with a small update-feed limit (3 a minute per client) so that it is reached in a few calls.</summary>
public sealed class FeedLimitApp() : PortalApp(reports: 20, new Dictionary<string, string?>
{
    ["Intake:AnonymousRequestsPerMinute"] = "100000",
    ["Intake:UpdateFeedRequestsPerMinute"] = "3",
});

/// <summary>
/// The update feed has its own per-client limit, counted apart from the client's other calls: polling updates never
/// uses up what the client sends reports under, nor the reverse; both refuse with Open311's 429 and Retry-After.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311FeedRateLimitTests(FeedLimitApp app) : IClassFixture<FeedLimitApp>
{
    private const string Feed = "/open311/v2/servicerequestupdates";

    [Fact]
    public async Task Polling_the_feed_past_its_limit_is_429_and_leaves_the_clients_own_limit_untouched()
    {
        var (_, key) = await app.CreateApiClientAsync(requestsPerMinute: 2);
        using var http = app.Http();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"{Feed}.json?api_key={key}")).Status);
        }

        var json = await GetAsync(http, $"{Feed}.json?api_key={key}");
        AssertRefused(json);
        var error = JsonDocument.Parse(json.Body).RootElement[0];
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        var xml = await GetAsync(http, $"{Feed}.xml?api_key={key}");
        AssertRefused(xml);
        Assert.Equal("429", XDocument.Parse(xml.Body).Root!.Element("error")!.Element("code")!.Value);

        // Five feed calls, and the client's own two a minute are still whole: the feed counts apart.
        using var post = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"/open311/v2/requests.json?api_key={key}")).Status);
        AssertRefused(await GetAsync(http, $"/open311/v2/services.json?api_key={key}"));
    }

    [Fact]
    public async Task A_client_over_its_own_limit_still_reads_its_updates()
    {
        var (_, key) = await app.CreateApiClientAsync(requestsPerMinute: 2);
        using var http = app.Http();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"/open311/v2/services.json?api_key={key}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"/open311/v2/requests.json?api_key={key}")).Status);
        AssertRefused(await GetAsync(http, $"/open311/v2/requests.json?api_key={key}"));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"{Feed}.xml?api_key={key}")).Status);

        // Another client's feed allowance is its own.
        var (_, other) = await app.CreateApiClientAsync(requestsPerMinute: 2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"{Feed}.json?api_key={other}")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, $"{Feed}.json?api_key={key}")).Status);
    }

    private static void AssertRefused((HttpStatusCode Status, string Body, string? RetryAfter) answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.True(int.TryParse(answer.RetryAfter, out var seconds) && seconds is >= 1 and <= 60, $"Retry-After: {answer.RetryAfter}");
    }

    private static async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
