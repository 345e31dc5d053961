namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>The image formats recognised by their first bytes (never by file name or declared type).</summary>
public enum ImageKind
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Heic,
}
