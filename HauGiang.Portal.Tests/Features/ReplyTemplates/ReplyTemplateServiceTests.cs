using HauGiang.Portal.Components.Shared;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.ReplyTemplates;
using HauGiang.Portal.Localization;
using HauGiang.Portal.Tests.Features.Admin;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.ReplyTemplates;

/// <summary>The real app with a database of its own: shared templates are offered to every unit's officers.</summary>
public sealed class TemplatesApp() : PortalApp(reports: 60);

/// <summary>
/// Reply templates against the real database: what the action dialog is offered (placeholders filled, scope of the
/// report and of the officer's unit), who may change which template, and the audit entry each change leaves.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class ReplyTemplateServiceTests(TemplatesApp app) : IClassFixture<TemplatesApp>
{
    private const string VithanhOfficer = "canbo.vithanh@haugiang.demo";
    private const string VithanhHead = "lanhdao.vithanh@haugiang.demo";
    private const string NgabayOfficer = "canbo.ngabay@haugiang.demo";
    private const string NgabayHead = "lanhdao.ngabay@haugiang.demo";

    private ReplyTemplateService Service => app.Services.GetRequiredService<ReplyTemplateService>();

    [Fact]
    public async Task The_dialog_is_offered_the_templates_of_the_reports_category_and_any_category_filled_for_the_report()
    {
        var report = await app.CreateReportAsync("UBND-31321", categoryCode: "rac-thai");
        var officer = await app.UserAsync(VithanhOfficer);

        var offers = await app.Services.GetRequiredService<IReplyTemplateOffers>().ForReportAsync(officer, report.Id, ReportAction.Reply);

        var titles = offers.Select(o => o.Title).ToList();
        Assert.Equal(["Đã thu gom rác", "Đã xử lý xong"], titles); // the category's own first; not the pavement one
        var rubbish = offers[0].Text;
        Assert.Equal("UBND Phường Vị Thanh đã chỉ đạo tổ vệ sinh môi trường thu gom, xử lý rác thải tại đường 3 Tháng 2, Phường Vị Thanh; "
            + $"khu vực đã được vệ sinh sạch sẽ. Cảm ơn Ông/Bà đã phản ánh (mã {report.Code}).", rubbish);

        var update = Assert.Single(await Service.ForReportAsync(officer, report.Id, ReportAction.PublicUpdate));
        Assert.EndsWith($"sẽ xử lý trước ngày {VietnamTime.FormatDate(report.DueAt)}.", update.Text, StringComparison.Ordinal);
        Assert.Contains("về Rác thải, vệ sinh môi trường tại", update.Text, StringComparison.Ordinal);

        Assert.Empty(await Service.ForReportAsync(officer, report.Id, ReportAction.Accept)); // no text, no template
    }

    [Fact]
    public async Task A_heads_template_is_offered_to_their_units_officers_only_and_a_report_outside_scope_gets_nothing()
    {
        var vithanhHead = await app.UserAsync(VithanhHead);
        int noise;
        await using (var db = app.CreateDbContext())
        {
            noise = await db.Categories.Where(c => c.Code == "tieng-on").Select(c => c.Id).SingleAsync();
        }

        Assert.True((await Service.SaveAsync(vithanhHead, new TemplateForm
        {
            Action = ReportAction.Reply, CategoryId = noise, UnitId = vithanhHead.UnitId, Title = "Tiếng ồn: đã nhắc nhở (Vị Thanh)",
            Text = "Công an {đơn vị} đã nhắc nhở hộ gia đình tại {địa chỉ} giảm âm lượng karaoke sau 22 giờ.",
        })).Succeeded);

        var vithanhReport = await app.CreateReportAsync("UBND-31321", categoryCode: "tieng-on");
        var ngabayReport = await app.CreateReportAsync("UBND-31340", categoryCode: "tieng-on");
        var vithanhOfficer = await app.UserAsync(VithanhOfficer);
        var ngabayOfficer = await app.UserAsync(NgabayOfficer);

        Assert.Contains(await Service.ForReportAsync(vithanhOfficer, vithanhReport.Id, ReportAction.Reply), o => o.Title == "Tiếng ồn: đã nhắc nhở (Vị Thanh)");
        var ngabayOffers = await Service.ForReportAsync(ngabayOfficer, ngabayReport.Id, ReportAction.Reply);
        Assert.Contains(ngabayOffers, o => o.Title == "Đã xử lý xong"); // the shared one
        Assert.DoesNotContain(ngabayOffers, o => o.Title.Contains("Vị Thanh", StringComparison.Ordinal));
        Assert.All(ngabayOffers, o => Assert.DoesNotContain("Vị Thanh", o.Text, StringComparison.Ordinal));

        // A report of another unit, by typing its id: nothing, not even the shared templates with its address.
        Assert.Empty(await Service.ForReportAsync(ngabayOfficer, vithanhReport.Id, ReportAction.Reply));

        // Nor does the Ngã Bảy head's list show Vị Thanh's template.
        var ngabayHead = await app.UserAsync(NgabayHead);
        Assert.DoesNotContain(await Service.ListAsync(ngabayHead, english: false), r => r.Title.Contains("(Vị Thanh)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_head_changes_only_their_units_templates_and_every_refusal_leaves_the_data_and_the_log_untouched()
    {
        var vithanhHead = await app.UserAsync(VithanhHead);
        var ngabayHead = await app.UserAsync(NgabayHead);
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        var officer = await app.UserAsync(VithanhOfficer);
        Assert.True((await Service.SaveAsync(ngabayHead, new TemplateForm
        {
            Action = ReportAction.PublicUpdate, UnitId = ngabayHead.UnitId, Title = "Ngã Bảy: đã cử tổ kiểm tra", Text = "{đơn vị} đã cử tổ kiểm tra {địa chỉ}.",
        })).Succeeded);
        var ngabayTemplate = (await Service.ListAsync(ngabayHead, false)).Single(r => r.Title == "Ngã Bảy: đã cử tổ kiểm tra");
        var shared = (await Service.ListAsync(vithanhHead, false)).Single(r => r.Title == "Đã xử lý xong");
        Assert.False(shared.CanEdit);
        var mark = await app.LastAuditIdAsync();

        // Another unit's template is not even found; a shared one may be read but not changed; nor a template made for another unit.
        Assert.Same(TemplateResult.NotFound, await Service.SaveAsync(vithanhHead, Changed(TemplateForm.From(ngabayTemplate), vithanhHead.UnitId)));
        Assert.Same(TemplateResult.NotFound, await Service.DeleteAsync(vithanhHead, ngabayTemplate.Id));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(vithanhHead, TemplateForm.From(ngabayTemplate)));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(vithanhHead, Changed(TemplateForm.From(shared), null)));
        Assert.Same(TemplateResult.Refused, await Service.DeleteAsync(vithanhHead, shared.Id));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(vithanhHead, new TemplateForm { UnitId = ngabayHead.UnitId, Title = "x", Text = "y" }));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(vithanhHead, new TemplateForm { UnitId = null, Title = "x", Text = "y" }));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(coordinator, new TemplateForm { Title = "x", Text = "y" }));
        Assert.Same(TemplateResult.Refused, await Service.SaveAsync(officer, new TemplateForm { UnitId = officer.UnitId, Title = "x", Text = "y" }));
        Assert.Equal("Template.UnknownPlaceholder", (await Service.SaveAsync(vithanhHead, new TemplateForm { UnitId = vithanhHead.UnitId, Title = "x", Text = "Mã {ma}" })).MessageKey);
        Assert.Equal("Template.ActionInvalid", (await Service.SaveAsync(vithanhHead, new TemplateForm { Action = ReportAction.Accept, UnitId = vithanhHead.UnitId, Title = "x", Text = "y" })).MessageKey);

        Assert.Empty(await app.AuditSinceAsync(mark));
        await using var db = app.CreateDbContext();
        var stored = await db.ReplyTemplates.AsNoTracking().SingleAsync(t => t.Id == ngabayTemplate.Id);
        Assert.Equal(("Ngã Bảy: đã cử tổ kiểm tra", ngabayHead.UnitId), (stored.Title, stored.UnitId));
        Assert.Equal("Đã xử lý xong", (await db.ReplyTemplates.AsNoTracking().SingleAsync(t => t.Id == shared.Id)).Title);
    }

    [Fact]
    public async Task Create_edit_and_delete_each_leave_one_audit_entry_with_before_and_after()
    {
        var head = await app.UserAsync(VithanhHead);
        var mark = await app.LastAuditIdAsync();
        Assert.True((await Service.SaveAsync(head, new TemplateForm
        {
            Action = ReportAction.Reject, UnitId = head.UnitId, Title = "Trùng lịch kiểm tra", Text = "Phản ánh {mã} đã có trong kế hoạch kiểm tra của {đơn vị}.",
        })).Succeeded);
        var created = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("template.create", nameof(ReplyTemplate), head.DisplayName), (created.Action, created.EntityType, created.UserName));
        Assert.Null(created.Before);
        Assert.Contains("\"title\":\"Trùng lịch kiểm tra\"", created.After, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"UBND-31321\"", created.After, StringComparison.Ordinal);

        var row = (await Service.ListAsync(head, false)).Single(r => r.Title == "Trùng lịch kiểm tra");
        Assert.Equal(created.EntityId, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var edit = TemplateForm.From(row);
        edit.Text = "Phản ánh {mã} đã có trong kế hoạch kiểm tra tháng này của {đơn vị}.";
        mark = await app.LastAuditIdAsync();
        Assert.True((await Service.SaveAsync(head, edit)).Succeeded);
        var updated = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("template.update", updated.Action);
        Assert.DoesNotContain("tháng này", updated.Before, StringComparison.Ordinal);
        Assert.Contains("tháng này", updated.After, StringComparison.Ordinal);

        // Saving it unchanged changes nothing and logs nothing.
        mark = await app.LastAuditIdAsync();
        Assert.True((await Service.SaveAsync(head, edit)).Succeeded);
        Assert.Empty(await app.AuditSinceAsync(mark));

        Assert.True((await Service.DeleteAsync(head, row.Id)).Succeeded);
        var deleted = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("template.delete", updated.After), (deleted.Action, deleted.Before));
        Assert.Null(deleted.After);
        Assert.DoesNotContain(await Service.ListAsync(head, false), r => r.Id == row.Id);
    }

    private static TemplateForm Changed(TemplateForm form, int? unitId)
    {
        form.UnitId = unitId;
        form.Text += " (sửa)";
        return form;
    }
}
