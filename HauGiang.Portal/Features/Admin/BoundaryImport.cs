using System.Globalization;
using System.Text.Json;
using HauGiang.Portal.Data.Reference;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// Reads a GeoJSON FeatureCollection of ward/commune boundaries. Each feature is matched to an area by the official
/// code in its properties (<c>code</c>, <c>ma</c>, <c>ma_xa</c> or <c>id</c>, else the feature's own id); its geometry
/// must be a valid Polygon or MultiPolygon in longitude/latitude.
/// </summary>
public static class BoundaryImport
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    private static readonly string[] CodeProperties = ["code", "ma", "ma_xa", "id"];

    public static BoundaryImportPreview Parse(string json, IReadOnlyDictionary<string, (int Id, string Name)> areasByCode)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return BoundaryImportPreview.Error("Import.Error.NotJson", e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"{line + 1}") : null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            {
                return BoundaryImportPreview.Error("Import.Error.NotFeatureCollection");
            }

            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
            {
                return BoundaryImportPreview.Error("Import.Error.NoFeatures");
            }

            var results = new List<BoundaryFeatureResult>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                results.Add(ReadFeature(index, feature, areasByCode, seen));
            }

            return new BoundaryImportPreview(null, null, results);
        }
    }

    private static BoundaryFeatureResult ReadFeature(int index, JsonElement feature, IReadOnlyDictionary<string, (int Id, string Name)> areasByCode, HashSet<string> seen)
    {
        var code = feature.ValueKind == JsonValueKind.Object ? FindCode(feature) : null;
        var (geometry, geometryError, geometryDetail) = ReadGeometry(feature);
        var type = geometry?.GeometryType;
        var points = geometry?.NumPoints ?? 0;
        var geometryJson = geometry is null ? null : JsonSerializer.Serialize(geometry, GeoJson.Options);

        if (code is null)
        {
            return new(index, null, null, null, BoundaryFeatureStatus.MissingCode, "Import.Reason.MissingCode", null, type, points, geometryJson);
        }

        if (!areasByCode.TryGetValue(code, out var area))
        {
            return new(index, code, null, null, BoundaryFeatureStatus.UnknownCode, "Import.Reason.UnknownCode", code, type, points, geometryJson);
        }

        if (!seen.Add(code))
        {
            return new(index, code, area.Id, area.Name, BoundaryFeatureStatus.DuplicateCode, "Import.Reason.DuplicateCode", code, type, points, geometryJson);
        }

        if (geometryError is not null)
        {
            return new(index, code, area.Id, area.Name, BoundaryFeatureStatus.InvalidGeometry, geometryError, geometryDetail, type, points, geometryJson);
        }

        return new(index, code, area.Id, area.Name, BoundaryFeatureStatus.Matched, null, null, type, points, geometryJson);
    }

    private static string? FindCode(JsonElement feature)
    {
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in CodeProperties)
            {
                foreach (var p in properties.EnumerateObject())
                {
                    if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && Text(p.Value) is { } value)
                    {
                        return value;
                    }
                }
            }
        }

        return feature.TryGetProperty("id", out var id) ? Text(id) : null;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static (Geometry? Geometry, string? ErrorKey, string? Detail) ReadGeometry(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return (null, "Import.Reason.NoGeometry", null);
        }

        var declared = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (declared is not ("Polygon" or "MultiPolygon"))
        {
            return (null, "Import.Reason.NotPolygon", declared);
        }

        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            return (null, "Import.Reason.Unreadable", e.Message);
        }

        if (geometry is null || geometry.IsEmpty)
        {
            return (null, "Import.Reason.Empty", null);
        }

        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                return (geometry, "Import.Reason.OutOfRange", string.Create(CultureInfo.InvariantCulture, $"{c.X}, {c.Y}"));
            }
        }

        // Vietnam lies within longitude 102–110 E and latitude 8–24 N: anything else is swapped axes or another projection.
        var env = geometry.EnvelopeInternal;
        if (env.MinX < 100 || env.MaxX > 112 || env.MinY < 7 || env.MaxY > 25)
        {
            return (geometry, "Import.Reason.OutsideVietnam", string.Create(CultureInfo.InvariantCulture, $"{env.MinX:0.###}…{env.MaxX:0.###}, {env.MinY:0.###}…{env.MaxY:0.###}"));
        }

        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            return (geometry, "Import.Reason.InvalidShape", string.Create(CultureInfo.InvariantCulture, $"{validity.Message} ({validity.Coordinate?.X:0.#####}, {validity.Coordinate?.Y:0.#####})"));
        }

        return (geometry, null, null);
    }
}
