using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.ReplyTemplates;

/// <summary>The edit form's values. Id 0: a new template.</summary>
public sealed class TemplateForm
{
    public int Id { get; set; }

    public ReportAction Action { get; set; } = ReportAction.Reply;

    public int? CategoryId { get; set; }

    public int? UnitId { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public static TemplateForm From(TemplateRow row) => new()
    {
        Id = row.Id, Action = row.Action, CategoryId = row.CategoryId, UnitId = row.UnitId, Title = row.Title, Text = row.Text,
    };
}
