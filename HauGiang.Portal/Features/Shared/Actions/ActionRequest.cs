using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Shared.Actions;

/// <summary>One handling action with whatever input it needs; the service validates what applies.</summary>
public sealed record ActionRequest(ReportAction Action, int ExpectedVersion)
{
    public string? Text { get; init; }

    public string? OfficerId { get; init; }

    public int? UnitId { get; init; }

    public RejectReason? RejectReason { get; init; }

    public long? OriginalId { get; init; }

    /// <summary>An extension in working days, counted from the current deadline (what the dialog asks for).</summary>
    public int? ExtraWorkingDays { get; init; }

    /// <summary>Or an explicit new deadline (local date; the deadline is 17:00 that day).</summary>
    public DateOnly? NewDueDate { get; init; }

    /// <summary>Approve (true) or refuse an extension; make public (true) or private.</summary>
    public bool? Flag { get; init; }

    /// <summary>A reply's result photos, already checked and re-encoded: stored with the reply or not at all.</summary>
    public IReadOnlyList<Photos.PreparedPhoto> ResultPhotos { get; init; } = [];
}
