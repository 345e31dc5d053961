using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>The stored photo, or a resource key saying why nothing was stored.</summary>
public sealed record PhotoResult(ReportPhoto? Photo, string? ErrorKey, string? Argument = null)
{
    public bool Succeeded => Photo is not null;
}
