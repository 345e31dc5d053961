namespace HauGiang.Portal.Data;

/// <summary>
/// The last tracking-code number issued in a year (HG-yyyy-nnnnnn). Intake increments it inside the transaction
/// that inserts the report: the row lock serializes concurrent intakes on both providers, so no two reports can
/// get the same code and no number is lost on a rollback.
/// </summary>
public sealed class ReportCodeCounter
{
    public int Year { get; set; }

    public long LastNumber { get; set; }
}
