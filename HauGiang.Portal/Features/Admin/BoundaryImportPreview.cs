namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// The whole file, checked: a file-level error (not JSON, not a FeatureCollection…) or a result per feature.
/// The import is all-or-nothing: it can be applied only when every feature matched.
/// </summary>
public sealed record BoundaryImportPreview(string? ErrorKey, string? ErrorDetail, IReadOnlyList<BoundaryFeatureResult> Features)
{
    public bool CanApply => ErrorKey is null && Features.Count > 0 && Features.All(f => f.Status == BoundaryFeatureStatus.Matched);

    public int Matched => Features.Count(f => f.Status == BoundaryFeatureStatus.Matched);

    public static BoundaryImportPreview Error(string key, string? detail = null) => new(key, detail, []);
}
