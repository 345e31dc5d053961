namespace HauGiang.Portal.Data;

/// <summary>
/// One piece of an export file, in order. Pieces, not one large value: writing and serving a 20 MB file then needs
/// one piece in memory at a time on both providers (EF reads a whole value into memory).
/// </summary>
public sealed class ExportFileChunk
{
    public string Token { get; set; } = "";

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}
