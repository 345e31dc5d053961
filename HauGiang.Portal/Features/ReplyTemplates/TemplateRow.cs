using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.ReplyTemplates;

/// <summary>One template as the lists show it; <see cref="CanEdit"/> is what the service would allow this user.</summary>
public sealed record TemplateRow(int Id, ReportAction Action, int? CategoryId, string? CategoryName, int? UnitId, string? UnitName,
    string Title, string Text, DateTime UpdatedAt, string UpdatedBy, bool CanEdit);
