namespace HauGiang.Portal.Features.Shared;

/// <summary>The order of a list of reports: nearest deadline first, or newest first.</summary>
public enum QueueSort
{
    Deadline,
    Received,
}
