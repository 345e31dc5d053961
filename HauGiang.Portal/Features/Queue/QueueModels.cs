using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Queue;

public enum QueueTab
{
    New,
    InProgress,
    DueSoon,
    Overdue,
    Done,
    All,
}

public enum QueueSort
{
    Deadline,
    Received,
}

/// <summary>What the queue shows; every field lives in the URL so that a link reproduces the view.</summary>
public sealed record QueueFilter
{
    public QueueTab Tab { get; init; } = QueueTab.New;

    public int? CategoryId { get; init; }

    public int? AreaId { get; init; }

    /// <summary>Received on or after this local date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before this local date.</summary>
    public DateOnly? To { get; init; }

    public bool AssignedToMe { get; init; }

    public string? Text { get; init; }

    public QueueSort Sort { get; init; } = QueueSort.Deadline;
}

/// <summary>Keyset position: the sort key and id of the last row of the previous page.</summary>
public sealed record QueueCursor(DateTime Key, long Id);

public sealed record QueueRow(
    long Id,
    string Code,
    string CategoryName,
    string CategoryColor,
    string Description,
    string? AreaName,
    DateTime ReceivedAt,
    DateTime DueAt,
    ReportState State,
    bool ExtensionPending,
    ReportPriority Priority,
    string? AssigneeName,
    int Version);

public sealed record QueueSlice(IReadOnlyList<QueueRow> Rows, QueueCursor? Next);

public sealed record QueueCounts(int New, int InProgress, int DueSoon, int Overdue, int Done, int All)
{
    public int this[QueueTab tab] => tab switch
    {
        QueueTab.New => New,
        QueueTab.InProgress => InProgress,
        QueueTab.DueSoon => DueSoon,
        QueueTab.Overdue => Overdue,
        QueueTab.Done => Done,
        _ => All,
    };
}
