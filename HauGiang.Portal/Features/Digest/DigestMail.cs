using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HauGiang.Portal.Domain;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace HauGiang.Portal.Features.Digest;

/// <summary>
/// Writes one recipient's digest: a plain-text body and the same as simple HTML (no styles, no images, no scripts),
/// every report a link to <c>/reports/{code}</c> on the portal's public address. Vietnamese, dd/MM/yyyy HH:mm.
/// </summary>
public sealed class DigestMail(IStringLocalizer<DigestResource> text, string baseUrl, int maxListed)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Escapes markup but leaves Vietnamese letters as they are (the body is UTF-8).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public MimeMessage Write(string from, string to, string name, bool provinceWide, IReadOnlyList<UnitDigest> sections, DateTime nowUtc)
    {
        var local = WorkingCalendar.ToLocal(nowUtc);
        var today = DateOnly.FromDateTime(local);
        var plain = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>");

        Line(text["Digest.Greeting", name]);
        Line(text[provinceWide ? "Digest.Intro.ProvinceWide" : "Digest.Intro.Unit", local.ToString("dd/MM/yyyy HH:mm", Vietnamese)]);
        if (sections.All(s => s.IsEmpty))
        {
            Line(text["Digest.Nothing"]);
        }

        foreach (var s in sections)
        {
            var unitName = s.UnitName ?? text["Digest.NoUnit"];
            plain.Append("\n== ").Append(unitName).Append(" ==\n");
            html.Append("<h2>").Append(Html(unitName)).Append("</h2>");
            Line(text["Digest.Yesterday", today.AddDays(-1).ToString("dd/MM/yyyy", Vietnamese), s.ReceivedYesterday, s.FinishedYesterday]);
            List(text["Digest.Overdue", s.Overdue.Count], s.Overdue, QueueUrl("Overdue", s.UnitId));
            List(text["Digest.DueSoon", s.DueSoon.Count], s.DueSoon, QueueUrl("DueSoon", s.UnitId));
        }

        plain.Append('\n');
        Link(text["Digest.Queue"], Url("/queue"));
        var settings = Url("/Account/Manage/Notices");
        plain.Append(text["Digest.Footer"]).Append(' ').Append(settings).Append('\n');
        html.Append("<p>").Append(Html(text["Digest.Footer"])).Append(" <a href=\"").Append(Html(settings)).Append("\">").Append(Html(settings)).Append("</a></p>");
        html.Append("</body></html>");

        var overdue = sections.Sum(s => s.Overdue.Count);
        var dueSoon = sections.Sum(s => s.DueSoon.Count);
        var message = new MimeMessage { Subject = text["Digest.Subject", today.ToString("dd/MM/yyyy", Vietnamese), overdue, dueSoon] + " · HauGiang.Portal" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(name, to));
        message.Body = new BodyBuilder { TextBody = plain.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;

        void Line(string line)
        {
            plain.Append(line).Append('\n');
            html.Append("<p>").Append(Html(line)).Append("</p>");
        }

        void Link(string label, string url)
        {
            plain.Append(label).Append(": ").Append(url).Append('\n');
            html.Append("<p><a href=\"").Append(Html(url)).Append("\">").Append(Html(label)).Append("</a></p>");
        }

        void List(string heading, IReadOnlyList<DigestReport> reports, string queueUrl)
        {
            plain.Append(heading).Append(":\n");
            html.Append("<h3>").Append(Html(heading)).Append("</h3>");
            if (reports.Count == 0)
            {
                plain.Append("  ").Append(text["Digest.None"]).Append('\n');
                html.Append("<p>").Append(Html(text["Digest.None"])).Append("</p>");
                return;
            }

            html.Append("<ul>");
            foreach (var r in reports.Take(maxListed))
            {
                var url = Url("/reports/" + Uri.EscapeDataString(r.Code));
                var due = text["Digest.Due", WorkingCalendar.ToLocal(r.DueAt).ToString("dd/MM/yyyy HH:mm", Vietnamese)];
                plain.Append("- ").Append(r.Code).Append(" · ").Append(r.Category).Append(" · ").Append(r.Place).Append(" · ").Append(due).Append("\n  ").Append(url).Append('\n');
                html.Append("<li><a href=\"").Append(Html(url)).Append("\">").Append(Html(r.Code)).Append("</a> · ")
                    .Append(Html(r.Category)).Append(" · ").Append(Html(r.Place)).Append(" · ").Append(Html(due)).Append("</li>");
            }

            if (reports.Count > maxListed)
            {
                var more = text["Digest.More", reports.Count - maxListed];
                plain.Append("- ").Append(more).Append(": ").Append(queueUrl).Append('\n');
                html.Append("<li><a href=\"").Append(Html(queueUrl)).Append("\">").Append(Html(more)).Append("</a></li>");
            }

            html.Append("</ul>");
        }
    }

    private string Url(string path) => baseUrl.TrimEnd('/') + path;

    private string QueueUrl(string tab, int? unitId) =>
        Url(unitId is { } u ? $"/queue?tab={tab}&unit={u.ToString(CultureInfo.InvariantCulture)}" : $"/queue?tab={tab}");

    private static string Html(string s) => Encoder.Encode(s);
}
