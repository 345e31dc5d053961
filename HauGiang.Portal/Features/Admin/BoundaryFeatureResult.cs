namespace HauGiang.Portal.Features.Admin;

/// <summary>One feature of the file: which area it matched, or why it cannot be imported (a resource key and detail).</summary>
public sealed record BoundaryFeatureResult(
    int Index,
    string? Code,
    int? AreaId,
    string? AreaName,
    BoundaryFeatureStatus Status,
    string? ReasonKey,
    string? Detail,
    string? GeometryType,
    int PointCount,
    string? GeometryJson);
