namespace HauGiang.Portal.Domain;

/// <summary>A citizen's field report (phản ánh hiện trường). Times are stored in UTC.</summary>
public sealed class Report
{
    public long Id { get; set; }

    /// <summary>Public tracking code, e.g. HG-2026-000123. Unique.</summary>
    public string Code { get; set; } = "";

    public string Description { get; set; } = "";

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Address { get; set; }

    /// <summary>
    /// Code, description and address folded for search (<see cref="Domain.SearchText"/>). Always derived: EF Core reads it
    /// on every save, so it can never disagree with the text; the setter exists only for materialisation.
    /// </summary>
    public string SearchText
    {
        get => Domain.SearchText.Of(Code, Description, Address);
        private set { }
    }

    /// <summary>The ward/commune the point falls in; null when outside every known area.</summary>
    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    /// <summary>The unit responsible now; null means "with the coordinators" (not routable or returned).</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    public string? AssignedOfficerId { get; set; }

    public ReportState State { get; set; }

    public ReportPriority Priority { get; set; }

    public ReportSource Source { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>When the responsible unit first acted on it (accept, reject, transfer…): for "time to first action".</summary>
    public DateTime? FirstActionAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Whether the result is shown publicly in the citizen app.</summary>
    public bool IsPublic { get; set; } = true;

    public long? DuplicateOfId { get; set; }

    public RejectReason? RejectReason { get; set; }

    /// <summary>Set while an extension request waits for the unit head (Chờ duyệt gia hạn).</summary>
    public DateTime? ExtensionRequestedUntil { get; set; }

    public CitizenRating? Rating { get; set; }

    /// <summary>When the citizen gave <see cref="Rating"/> (UTC); kept, with the rating, when the report is reopened.</summary>
    public DateTime? RatedAt { get; set; }

    public int? ApiClientId { get; set; }

    /// <summary>
    /// Sent by a sandbox API client (<see cref="ApiClient.IsTest"/>): stored and answered through Open311 like any
    /// other, but never shown to officers. PortalDbContext filters such reports out of every query; only the Open311
    /// reads and the intake's own bookkeeping opt back in (IgnoreQueryFilters).
    /// </summary>
    public bool IsTest { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every handling action (application-managed so both providers honour it).</summary>
    public int Version { get; set; }

    public List<ReportPhoto> Photos { get; set; } = [];

    public List<ReportEvent> Events { get; set; } = [];

    public bool IsOpen => State is ReportState.New or ReportState.InProgress;

    public bool ExtensionPending => ExtensionRequestedUntil is not null;

    public static string FormatCode(int year, long sequence) => $"HG-{year}-{sequence:000000}";
}
