using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Map;

/// <summary>The map's data: the reports of a filter as GeoJSON points, in the user's scope.</summary>
public sealed class MapGeoJson(IDbContextFactory<PortalDbContext> dbFactory, ReportQueryService queries)
{
    /// <summary>
    /// The map's points for the same filter as the queue (no paging), written straight to the response as a compact
    /// GeoJSON FeatureCollection: id, state, overdue flag. With <paramref name="onlyId"/> just that report (if it
    /// still matches), for live updates.
    /// </summary>
    public async Task WriteAsync(PortalUser user, ReportFilter filter, long? onlyId, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, dueSoonLimit) = await queries.MomentsAsync(ct);
        var text = await TextMatch.FindAsync(db, filter.Text, ct);
        var points = PointsQuery(ReportQuery.ByTab(ReportQuery.Filtered(db, user, filter, text), filter.Tab, now, dueSoonLimit), onlyId, now);
        await using var json = new System.Text.Json.Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var p in points.AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(p.Longitude);
            json.WriteNumberValue(p.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteNumber("id", p.Id);
            json.WriteNumber("s", (int)p.State);
            json.WriteBoolean("o", p.Overdue);
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 32_000)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>The map's points of the filtered, tabbed reports (or of just <paramref name="onlyId"/>).</summary>
    internal static IQueryable<MapPointRow> PointsQuery(IQueryable<Report> query, long? onlyId, DateTime now)
    {
        if (onlyId is { } id)
        {
            query = query.Where(r => r.Id == id);
        }

        // Overdue is worked out by the database (as the Overdue tab does), so no deadline is read back and parsed per point.
        return query.Select(r => new MapPointRow(r.Id, r.Latitude, r.Longitude, r.State, (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now));
    }

    internal sealed record MapPointRow(long Id, double Latitude, double Longitude, ReportState State, bool Overdue);
}
