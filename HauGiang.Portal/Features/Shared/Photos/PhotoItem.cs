using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>A photo of a report as a page shows it: the ids serve through the authorized endpoints.</summary>
public sealed record PhotoItem(long Id, PhotoKind Kind, int Width, int Height, DateTime UploadedAt)
{
    public string Url => $"/photos/{Id}";

    public string ThumbnailUrl => $"/photos/{Id}/thumb";
}
