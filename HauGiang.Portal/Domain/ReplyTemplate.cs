namespace HauGiang.Portal.Domain;

/// <summary>
/// A reply template (mẫu trả lời): ready text for one handling action, for one category or any, kept for every
/// unit (by admins) or for one unit (by its head). The action dialog offers the matching ones with the report's
/// values put in place of the placeholders (<see cref="ReplyTemplateText"/>); the officer can still edit the text.
/// </summary>
public sealed class ReplyTemplate
{
    public const int TitleMaxLength = 100;

    /// <summary>As long as the text an action takes (ReportActions' limit).</summary>
    public const int TextMaxLength = 4000;

    /// <summary>The actions a template can be for: the ones whose text a citizen or another unit reads.</summary>
    public static readonly IReadOnlyList<ReportAction> Actions =
        [ReportAction.Reply, ReportAction.PublicUpdate, ReportAction.Transfer, ReportAction.Reject];

    public int Id { get; set; }

    public ReportAction Action { get; set; }

    /// <summary>Null: any category.</summary>
    public int? CategoryId { get; set; }

    /// <summary>Null: every unit (only admins keep these); otherwise the one unit whose officers are offered it.</summary>
    public int? UnitId { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Display name of whoever last saved it (the audit log has the full history).</summary>
    public string UpdatedBy { get; set; } = "";
}
