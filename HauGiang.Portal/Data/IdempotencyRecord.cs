namespace HauGiang.Portal.Data;

/// <summary>
/// One Idempotency-Key of one API client: the hash of the request it first came with and, once done, the report it
/// created. A retry with the same key and body replays the answer; another body is refused (422); a retry while the
/// first is still running is refused (409).
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    public int ApiClientId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>SHA-256 (hex) of the request's fields and photos.</summary>
    public string RequestHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>The tracking code of the report created, once completed.</summary>
    public string? ReportCode { get; set; }
}
