using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Map;

/// <summary>
/// One report's point as the map draws it (GeoJSON: a feature, or none when it left the scope or the filter), read
/// once per change for every open map of the same scope and filter (<see cref="SharedReads"/>).
/// </summary>
public sealed class MapPoints(MapGeoJson geoJson, SharedReads shared)
{
    public Task<byte[]> GetAsync(PortalUser user, ReportFilter filter, long id) =>
        shared.GetAsync(("map-point", SharedReads.ScopeOf(user, filter.AssignedToMe), filter, id), async () =>
        {
            using var buffer = new MemoryStream();
            await geoJson.WriteAsync(user, filter, id, buffer, CancellationToken.None);
            return buffer.ToArray();
        });
}
