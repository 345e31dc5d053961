namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>Photo settings (<c>Photos</c> section). Every limit has a safe default.</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Folder of the local file store; relative paths are under the content root.</summary>
    public string Root { get; set; } = "App_Data/photos";

    /// <summary>Largest accepted upload, in bytes (10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels, read from the header before anything is decoded (decompression bombs).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Largest accepted side, in pixels.</summary>
    public int MaxSide { get; set; } = 12_000;

    /// <summary>Stored photos are scaled down to fit this side (phones shoot 4000 px and more; 1600 px shows every detail an officer needs).</summary>
    public int StoredMaxSide { get; set; } = 1600;

    public int ThumbnailSide { get; set; } = 320;

    public int JpegQuality { get; set; } = 85;

    public int MaxPerReport { get; set; } = 5;
}
