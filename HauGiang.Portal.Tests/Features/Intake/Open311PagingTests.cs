using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// GET requests as list clients use it: page/page_size (Chicago, Boston, Toronto), the total count, and the
/// lat/long/radius and bbox filters — over real HTTP, against the seeded reports.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class Open311PagingTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Base = "/open311/v2";

    private string Window => "start_date=" + app.Now.AddDays(-89).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Page_two_is_the_second_page_and_the_pages_together_are_the_whole_list_with_its_total()
    {
        using var http = app.Http();
        var (all, allTotal, _) = await ListAsync(http, $"{Base}/requests.json?{Window}");
        Assert.True(all.Count > 30, "the seed has reports in the window");
        Assert.Equal(all.Count, allTotal);

        var (page1, total1, _) = await ListAsync(http, $"{Base}/requests.json?{Window}&page_size=10&page=1");
        var (page2, total2, links) = await ListAsync(http, $"{Base}/requests.json?{Window}&page_size=10&page=2");
        Assert.Equal(all.Take(10), page1);
        Assert.Equal(all.Skip(10).Take(10), page2);
        Assert.Equal(all.Count, total1);
        Assert.Equal(all.Count, total2);

        var lastPage = (all.Count + 9) / 10;
        Assert.Contains("page=1>; rel=\"first\"", links, StringComparison.Ordinal);
        Assert.Contains("page=1>; rel=\"prev\"", links, StringComparison.Ordinal);
        Assert.Contains("page=3>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains($"page={lastPage}>; rel=\"last\"", links, StringComparison.Ordinal);
        Assert.Contains("page_size=10", links, StringComparison.Ordinal);

        // Following the pages to the last one gives the whole list once, in the same stable order.
        var paged = new List<string>();
        for (var p = 1; p <= lastPage; p++)
        {
            var (items, _, l) = await ListAsync(http, $"{Base}/requests.json?{Window}&page_size=10&page={p}");
            paged.AddRange(items);
            Assert.Equal(p < lastPage, l.Contains("rel=\"next\"", StringComparison.Ordinal));
        }

        Assert.Equal(all, paged);

        // Past the last page: an empty list, still with the total; XML pages the same way.
        var (beyond, beyondTotal, _) = await ListAsync(http, $"{Base}/requests.json?{Window}&page_size=10&page={lastPage + 1}");
        Assert.Empty(beyond);
        Assert.Equal(all.Count, beyondTotal);
        using var xml = await http.GetAsync($"{Base}/requests.xml?{Window}&page_size=10&page=2");
        Assert.Equal(all.Skip(10).Take(10), XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Elements("request").Select(r => r.Element("service_request_id")!.Value));
        Assert.Equal(all.Count.ToString(CultureInfo.InvariantCulture), xml.Headers.GetValues("X-Total-Count").Single());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=hai", "page")]
    [InlineData("page=2&cursor=638000000000000000_5", "cursor")]
    [InlineData("page=11&page_size=1000", "10000")]
    [InlineData("page=2&page_size=0", "page_size")]
    [InlineData("bbox=105.4,9.7,105.5", "bbox")]
    [InlineData("bbox=105.5,9.7,105.4,9.8", "bbox")]
    [InlineData("bbox=105.4,9.7,105.5,9.8&lat=9.78&long=105.46", "bbox")]
    [InlineData("lat=9.78", "lat")]
    [InlineData("lat=95&long=105.46", "lat")]
    [InlineData("radius=500", "radius")]
    [InlineData("lat=9.78&long=105.46&radius=0", "radius")]
    [InlineData("lat=9.78&long=105.46&radius=60000", "radius")]
    public async Task Bad_paging_and_geographic_values_are_refused_in_Open311s_format_with_the_parameter_named(string query, string word)
    {
        using var http = app.Http();
        foreach (var format in new[] { "json", "xml" })
        {
            using var response = await http.GetAsync($"{Base}/requests.{format}?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode} {body}");
            var description = format == "json"
                ? JsonDocument.Parse(body).RootElement[0].GetProperty("description").GetString()!
                : XDocument.Parse(body).Root!.Element("error")!.Element("description")!.Value;
            Assert.Contains(word, description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_radius_gives_exactly_the_requests_within_that_many_metres_and_a_bbox_those_inside_it()
    {
        using var http = app.Http();
        using var full = await http.GetAsync($"{Base}/requests.json?{Window}");
        var everything = JsonDocument.Parse(await full.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(r => (Code: r.GetProperty("service_request_id").GetString()!, Lat: r.GetProperty("lat").GetDouble(), Lon: r.GetProperty("long").GetDouble()))
            .ToList();
        var centre = everything[everything.Count / 2];
        const double Radius = 2_000;
        var inv = CultureInfo.InvariantCulture;

        var (near, nearTotal, _) = await ListAsync(http, FormattableString.Invariant($"{Base}/requests.json?{Window}&lat={centre.Lat}&long={centre.Lon}&radius={Radius}"));
        var distance = everything.ToDictionary(r => r.Code, r => Geo.DistanceMetres(centre.Lat, centre.Lon, r.Lat, r.Lon));
        Assert.Contains(centre.Code, near);
        Assert.True(near.Count < everything.Count, "the circle leaves some reports out");
        Assert.Equal(near.Count, nearTotal);
        Assert.All(near, c => Assert.True(distance[c] <= Radius * 1.001, $"{c} is {distance[c]:F0} m away"));
        Assert.All(everything.Where(r => distance[r.Code] <= Radius * 0.999), r => Assert.Contains(r.Code, near));

        // bbox is west,south,east,north.
        var (w, s, e, n) = (centre.Lon - 0.02, centre.Lat - 0.015, centre.Lon + 0.02, centre.Lat + 0.015);
        var (boxed, boxedTotal, _) = await ListAsync(http, $"{Base}/requests.json?{Window}&bbox={w.ToString(inv)},{s.ToString(inv)},{e.ToString(inv)},{n.ToString(inv)}");
        var inside = everything.Where(r => r.Lat >= s && r.Lat <= n && r.Lon >= w && r.Lon <= e).Select(r => r.Code).ToList();
        Assert.NotEmpty(inside);
        Assert.Equal(inside, boxed);
        Assert.Equal(inside.Count, boxedTotal);
    }

    [Fact]
    public async Task A_private_request_is_found_only_around_the_rounded_point_it_is_published_with()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();
        var fields = IntakeTestExtensions.RequestFields(key, lat: 9.78649, lon: 105.46849);
        using var post = await http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var code = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        await using (var db = app.CreateDbContext())
        {
            await db.Reports.Where(r => r.Code == code).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, false));
        }

        // Its exact point (9.78649, 105.46849) is published as (9.79, 105.47), about 400 m away: a 50 m circle around
        // the exact point must not find it (that would reveal the point), one around the published point does.
        var (exact, _, _) = await ListAsync(http, $"{Base}/requests.json?lat=9.78649&long=105.46849&radius=50");
        Assert.DoesNotContain(code, exact);
        var (published, _, _) = await ListAsync(http, $"{Base}/requests.json?lat=9.79&long=105.47&radius=50");
        Assert.Contains(code, published);
    }

    private static async Task<(List<string> Codes, int Total, string Links)> ListAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        var codes = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
        var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
        var links = response.Headers.TryGetValues("Link", out var l) ? string.Join(", ", l) : "";
        return (codes, total, links);
    }
}
