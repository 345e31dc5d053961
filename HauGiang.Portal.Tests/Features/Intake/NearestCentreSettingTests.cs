using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>The app with a wider nearest-centre radius (<c>Intake:NearestCentreMaxKm</c> = 25 instead of 15).</summary>
public sealed class WideNearestCentreApp() : PortalApp(reports: 0, new Dictionary<string, string?> { ["Intake:NearestCentreMaxKm"] = "25" });

/// <summary><c>Intake:NearestCentreMaxKm</c> (docs/open311.md) decides how far from a centre a report is still placed in that area.</summary>
[Trait(Tier.Key, Tier.App)]
public class NearestCentreSettingTests(WideNearestCentreApp app) : IClassFixture<WideNearestCentreApp>
{
    [Fact]
    public async Task A_point_20_km_from_every_centre_is_placed_in_the_nearest_area_when_the_setting_allows_25_km()
    {
        // The same point IntakeRoutingTests sends to the coordinators with the default 15 km.
        var location = await app.Services.GetRequiredService<AreaLocator>().LocateWithMatchAsync(9.70, 105.27, default);
        Assert.NotNull(location);
        Assert.Equal(AreaMatch.NearestCentre, location.Match);
        Assert.InRange(location.DistanceToCentreMetres, 15_000, 25_000);

        var result = await app.Services.GetRequiredService<IntakeService>().SubmitAsync(
            new IntakeRequest { CategoryCode = "rac-thai", Description = "Xa trung tâm, bán kính rộng", Latitude = 9.70, Longitude = 105.27 }, default);
        Assert.True(result.Succeeded);
        Assert.Equal(location.Area.Name, result.Report!.AreaName);
        Assert.NotNull(result.Report.UnitId);
        Assert.NotEqual(RoutingReason.Unroutable, result.Report.Reason);
    }
}
