namespace HauGiang.Portal.Domain;

public sealed class ReportPhoto
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public PhotoKind Kind { get; set; }

    /// <summary>Key in the file store (never a public path).</summary>
    public string StorageKey { get; set; } = "";

    public string? ThumbnailKey { get; set; }

    public string ContentType { get; set; } = "image/jpeg";

    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime UploadedAt { get; set; }
}
