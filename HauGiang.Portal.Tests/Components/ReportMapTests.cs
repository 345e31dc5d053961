using Bunit;
using HauGiang.Portal.Features.Map;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.JSInterop;

namespace HauGiang.Portal.Tests.Components;

/// <summary>The map component drives our own JS module: creates the map, loads the filtered data, and cleans up.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ReportMapTests : PortalTestContext
{
    private const string ModulePath = "./Features/Map/ReportMap.razor.js";

    [Fact]
    public void It_imports_its_module_creates_the_map_and_loads_the_data_url()
    {
        var module = JSInterop.SetupModule(ModulePath);
        var view = new MapView(9.783, 105.467, 14, null, null);
        var areas = new[] { new MapArea("Phường Vị Thanh", 9.783, 105.467, null) };

        var map = Render<ReportMap>(p => p
            .Add(m => m.DataUrl, "/api/map/reports?tab=Overdue")
            .Add(m => m.View, view)
            .Add(m => m.Areas, areas));

        var create = module.VerifyInvoke("create");
        Assert.Same(view, create.Arguments[2]);
        Assert.IsType<DotNetObjectReference<ReportMap>>(create.Arguments[1]);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "setAreas" && ReferenceEquals(i.Arguments[0], areas));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "setData" && (string?)i.Arguments[0] == "/api/map/reports?tab=Overdue");

        // A new filter loads new data; the same one does not reload.
        map.Render(p => p.Add(m => m.DataUrl, "/api/map/reports?tab=New"));
        map.Render(p => p.Add(m => m.DataUrl, "/api/map/reports?tab=New"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "setData" && (string?)i.Arguments[0] == "/api/map/reports?tab=New");
    }

    [Fact]
    public async Task Disposing_it_disposes_the_map_the_module_and_the_dotnet_reference()
    {
        var module = JSInterop.SetupModule(ModulePath);
        var map = Render<ReportMap>(p => p
            .Add(m => m.DataUrl, "/api/map/reports")
            .Add(m => m.View, new MapView(9.78, 105.64, 10, null, null)));
        var self = (DotNetObjectReference<ReportMap>)module.VerifyInvoke("create").Arguments[1]!;
        Assert.Same(map.Instance, self.Value);

        await DisposeComponentsAsync();

        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "dispose");
        Assert.Throws<ObjectDisposedException>(() => self.Value);
    }
}
