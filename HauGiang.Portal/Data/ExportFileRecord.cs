namespace HauGiang.Portal.Data;

/// <summary>
/// A finished export file (CSV or .xlsx) kept in the database so that any instance can serve its download: several
/// instances need no sticky sessions for it. Only <see cref="UserId"/> may download it, for 15 minutes after
/// <see cref="FinishedAt"/>; the bytes are in <see cref="ExportFileChunk"/> rows.
/// </summary>
public sealed class ExportFileRecord
{
    /// <summary>128 random bits in hex: the download link's secret.</summary>
    public string Token { get; set; } = "";

    public string UserId { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>When the file was written (and its upload began); it may be downloaded for 15 minutes from then.</summary>
    public DateTime FinishedAt { get; set; }

    /// <summary>All its pieces are stored: before that, nobody can download it.</summary>
    public bool Complete { get; set; }
}
