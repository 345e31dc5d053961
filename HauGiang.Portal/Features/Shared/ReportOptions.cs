namespace HauGiang.Portal.Features.Shared;

/// <summary>Report handling settings (<c>Reports</c> section).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>A report is "due soon" when its deadline falls within this many working days.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;

    /// <summary>Possible duplicates are searched within this distance, in the same category.</summary>
    public int DuplicateRadiusMetres { get; set; } = 200;

    /// <summary>
    /// Whether admins may also reveal a reporter's identity. Off: only coordinators may (the product's rule; admins
    /// keep the system, they do not verify reports).
    /// </summary>
    public bool AdminsMayRevealReporter { get; set; }
}
