using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;

namespace HauGiang.Portal.Features.Intake;

/// <summary>A new report, from the Open311 API, the officers' intake form or the demo feed.</summary>
public sealed class IntakeRequest
{
    public string CategoryCode { get; init; } = "";

    public string Description { get; init; } = "";

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>The ward/commune, when an officer names it instead of a GPS point (its centre becomes the point).</summary>
    public int? AreaId { get; init; }

    public string? Address { get; init; }

    public IntakeContact? Contact { get; init; }

    /// <summary>Photos already checked and re-encoded (<see cref="PhotoService.PrepareAsync"/>), e.g. by the form's preview.</summary>
    public IReadOnlyList<PreparedPhoto> Photos { get; init; } = [];

    /// <summary>Photo files as received (Open311 multipart): checked and re-encoded by the intake, after the cheap checks.</summary>
    public IReadOnlyList<IntakeUpload> Uploads { get; init; } = [];

    /// <summary>Photos to fetch after the report is stored (Open311 media_url), from the client's own image hosts only.</summary>
    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    public IReadOnlyList<string> MediaHosts { get; init; } = [];

    public ReportSource Source { get; init; } = ReportSource.Open311;

    public ReportPriority Priority { get; init; } = ReportPriority.Normal;

    public int? ApiClientId { get; init; }

    /// <summary>From a sandbox client: stored and answered, never given to a unit nor shown to officers.</summary>
    public bool IsTest { get; init; }

    /// <summary>A line for the first event of the timeline (e.g. "Tiếp nhận qua: Đường dây nóng").</summary>
    public string? Details { get; init; }

    /// <summary>
    /// Answers to the category's extra questions (<see cref="ServiceAttributes"/>) by attribute code, from a channel
    /// that asks them; checked (required ones, allowed values) and added to <see cref="Details"/>. Null: not asked.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Answers { get; init; }

    /// <summary>The officer who took the report by phone or in person (null for citizens' own reports).</summary>
    public Actor? TakenBy { get; init; }

    /// <summary>The idempotency record to complete in the same transaction as the report.</summary>
    public long? IdempotencyRecordId { get; init; }
}
