using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Map;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features;

/// <summary>The map's reused GeoJSON never shows a stale or foreign point.</summary>
[Trait(Tier.Key, Tier.App)]
public class MapDataCacheTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Reused_points_follow_every_change_and_stay_per_user()
    {
        var officer = await app.UserAsync("canbo.vithanh@haugiang.demo");
        var ngaBay = await app.UserAsync("canbo.ngabay@haugiang.demo");
        var first = await app.CreateReportAsync("UBND-31321");
        var filter = new ReportFilter { Tab = QueueTab.All };

        var before = await PointsAsync(officer, filter);
        Assert.Equal((int)ReportState.New, before[first.Id]);
        Assert.Equal(before, await PointsAsync(officer, filter));

        // A report written without the feed (as raw SQL or another tool would) still shows: its id is new.
        var second = await app.CreateReportAsync("UBND-31321");
        Assert.Contains(second.Id, (await PointsAsync(officer, filter)).Keys);

        // An action goes through the feed: the point changes colour on the next load.
        var accepted = await app.Services.GetRequiredService<ReportActions>().ExecuteAsync(officer, first.Id, new ActionRequest(ReportAction.Accept, first.Version));
        Assert.Equal(ActionOutcome.Done, accepted.Outcome);
        Assert.Equal((int)ReportState.InProgress, (await PointsAsync(officer, filter))[first.Id]);

        // Another unit's officer gets its own answer, without these reports.
        var theirs = await PointsAsync(ngaBay, filter);
        Assert.DoesNotContain(first.Id, theirs.Keys);
        Assert.DoesNotContain(second.Id, theirs.Keys);
    }

    /// <summary>Report id → state, as the map reads them from the GeoJSON.</summary>
    private async Task<Dictionary<long, int>> PointsAsync(PortalUser user, ReportFilter filter)
    {
        var cache = app.Services.GetRequiredService<MapDataCache>();
        var geoJson = app.Services.GetRequiredService<MapGeoJson>();
        using var body = new MemoryStream();
        await cache.WriteAsync(user, filter, body, s => geoJson.WriteAsync(user, filter, null, s), default);
        using var json = JsonDocument.Parse(body.ToArray());
        return json.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("id").GetInt64(), f => f.GetProperty("properties").GetProperty("s").GetInt32());
    }
}
