using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Photos;

namespace HauGiang.Portal.Features.Intake;

/// <summary>The reporter's contact as given; stored only in ReporterContacts, never returned by a public read.</summary>
public sealed record IntakeContact(string? Name, string? Phone, string? Email, string? DeviceId, string? AccountId)
{
    public bool IsEmpty => new[] { Name, Phone, Email, DeviceId, AccountId }.All(string.IsNullOrWhiteSpace);
}

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

    /// <summary>Photos already checked and re-encoded (<see cref="PhotoService.PrepareAsync"/>).</summary>
    public IReadOnlyList<PreparedPhoto> Photos { get; init; } = [];

    public ReportSource Source { get; init; } = ReportSource.Open311;

    public ReportPriority Priority { get; init; } = ReportPriority.Normal;

    public int? ApiClientId { get; init; }

    /// <summary>From a sandbox client: stored and answered, never given to a unit nor shown to officers.</summary>
    public bool IsTest { get; init; }

    /// <summary>Answers to a category's extra questions, as text for the first line of the timeline.</summary>
    public string? Details { get; init; }

    /// <summary>The officer who took the report by phone or in person (null for citizens' own reports).</summary>
    public Actor? TakenBy { get; init; }

    /// <summary>The idempotency record to complete in the same transaction as the report.</summary>
    public long? IdempotencyRecordId { get; init; }
}

public enum IntakeOutcome
{
    Created,
    Invalid,
    UnknownCategory,
    OutsideServiceArea,
}

/// <summary>The report as received: its code, where it went (for a sandbox report: where it would have gone) and its deadline.</summary>
public sealed record ReceivedReport(long Id, string Code, int? UnitId, string? UnitName, string? AreaName, RoutingReason Reason, DateTime ReceivedAt, DateTime DueAt, bool IsTest = false);

/// <summary>Created (<see cref="Report"/>), or refused with a resource key and an optional argument.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, ReceivedReport? Report, string? ErrorKey = null, string? Argument = null)
{
    public bool Succeeded => Outcome == IntakeOutcome.Created;

    public static IntakeResult Refused(IntakeOutcome outcome, string key, string? argument = null) => new(outcome, null, key, argument);
}
