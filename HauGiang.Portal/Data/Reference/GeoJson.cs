using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace HauGiang.Portal.Data.Reference;

/// <summary>GeoJSON (RFC 7946) reading and writing with NetTopologySuite, WGS 84 longitude/latitude.</summary>
public static class GeoJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)) },
    };
}
