namespace HauGiang.Portal.Features.Shared;

/// <summary>How many reports of a filter each tab holds.</summary>
public sealed record QueueCounts(int New, int InProgress, int DueSoon, int Overdue, int Done, int All)
{
    public int Open => New + InProgress;

    public int this[QueueTab tab] => tab switch
    {
        QueueTab.New => New,
        QueueTab.InProgress => InProgress,
        QueueTab.Open => Open,
        QueueTab.DueSoon => DueSoon,
        QueueTab.Overdue => Overdue,
        QueueTab.Done => Done,
        _ => All,
    };
}
