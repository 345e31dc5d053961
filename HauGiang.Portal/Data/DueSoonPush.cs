namespace HauGiang.Portal.Data;

/// <summary>
/// A "due soon" push already sent for a report and its deadline: once per report (a new deadline after an
/// extension is a new reminder). Inserting the row claims the reminder, so two instances never both send it.
/// </summary>
public sealed class DueSoonPush
{
    public long ReportId { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime SentAt { get; set; }
}
