using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HauGiang.Portal.Components.Shared;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Queue;

/// <summary>
/// A queue row's cells after its checkbox, written once as HTML and shared by every open page that shows the row.
/// Pages of one unit and filter get the same row objects (<see cref="SharedQueueReads"/>), so a hundred open queues
/// hold one string per row instead of a hundred render trees of ~50 frames per row (docs/performance.md, "Memory
/// of an open page"). The code is a link stretched over the row (app.css), so the whole row opens the report
/// without an event handler per row; its title shows the whole description wherever the row is hovered.
/// </summary>
public static class QueueRowHtml
{
    private sealed record Written(string Culture, string DeadlineCss, string? Countdown, MarkupString Html);

    private static readonly ConditionalWeakTable<QueueRow, StrongBox<Written?>> Cache = new();

    public static MarkupString Cells(QueueRow row, DateTime now, IStringLocalizer l)
    {
        var isOpen = row.State is ReportState.New or ReportState.InProgress;
        var (css, countdown) = DeadlineText.Parts(row.DueAt, isOpen, now, l);
        var culture = CultureInfo.CurrentUICulture.Name;
        var box = Cache.GetValue(row, _ => new StrongBox<Written?>());
        if (box.Value is { } w && w.Culture == culture && w.DeadlineCss == css && w.Countdown == countdown)
        {
            return w.Html;
        }

        var html = Write(row, isOpen, now, l);
        box.Value = new Written(culture, css, countdown, html);
        return html;
    }

    private static MarkupString Write(QueueRow row, bool isOpen, DateTime now, IStringLocalizer l)
    {
        var code = Html.Encode(row.Code);
        var description = Html.Encode(row.Description);
        var s = new StringBuilder(1024);
        Cell(s, l, "Code", " hg-code-cell").Append("<a href=\"/reports/").Append(code)
            .Append("\" class=\"hg-code hg-row-link\" data-testid=\"report-link\" title=\"").Append(description).Append("\">")
            .Append(code).Append("</a></td>");
        Cell(s, l, "Category", " hg-cat").Append(CategoryLabel.Html(row.CategoryName, row.CategoryColor)).Append("</td>");
        Cell(s, l, "Description", " hg-desc").Append("<span>").Append(description).Append("</span></td>");
        Cell(s, l, "Area", "").Append(Html.Encode(row.AreaName)).Append("</td>");
        Cell(s, l, "Received", " hg-nowrap").Append(VietnamTime.FormatDateTime(row.ReceivedAt)).Append("</td>");
        Cell(s, l, "Deadline", "").Append(DeadlineText.Html(row.DueAt, isOpen, now, l)).Append("</td>");
        Cell(s, l, "State", "").Append(StateChip.Html(row.State, row.ExtensionPending, l)).Append("</td>");
        Cell(s, l, "Assignee", "").Append(Html.Encode(row.AssigneeName ?? "—")).Append("</td>");
        return new MarkupString(s.ToString());
    }

    // data-label names the cell when a phone stacks the cells of a row.
    private static StringBuilder Cell(StringBuilder s, IStringLocalizer l, string column, string css) =>
        s.Append("<td class=\"mud-table-cell").Append(css).Append("\" data-label=\"").Append(Html.Encode(l["Queue.Col." + column])).Append("\">");
}
