using Bunit;
using HauGiang.Portal.Features.Notices;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Notices;

/// <summary>What the toast says and what the settings offer, in Vietnamese.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class NoticeComponentsTests : PortalTestContext
{
    [Fact]
    public void A_toast_names_why_the_code_the_category_and_the_place_and_opens_the_report()
    {
        var report = new NoticeReport(7, "HG-2026-000123", "Rác thải, vệ sinh môi trường", "Phường Vị Thanh", "12 đường Trần Hưng Đạo", 1);
        var toast = Render<NoticeToast>(p => p.Add(t => t.Kind, NoticeKind.New).Add(t => t.Report, report));

        var link = toast.Find("a[data-testid=notice-toast]");
        Assert.Equal("reports/HG-2026-000123", link.GetAttribute("href"));
        Assert.Equal("Phản ánh mới", toast.Find(".hg-notice-title").TextContent);
        Assert.Equal("HG-2026-000123 · Rác thải, vệ sinh môi trường", toast.Find(".hg-notice-what").TextContent);
        Assert.Equal("12 đường Trần Hưng Đạo, Phường Vị Thanh", toast.Find(".hg-notice-place").TextContent);
    }

    [Theory]
    [InlineData(NoticeKind.Transferred, "Được chuyển đến đơn vị")]
    [InlineData(NoticeKind.Escalated, "Chuyển cấp trên đến đơn vị")]
    [InlineData(NoticeKind.Assigned, "Được phân công cho bạn")]
    [InlineData(NoticeKind.Reopened, "Phản ánh được mở lại")]
    [InlineData(NoticeKind.NeedsRouting, "Phản ánh mới cần điều phối")]
    [InlineData(NoticeKind.Returned, "Đơn vị trả lại phản ánh")]
    public void Each_reason_has_its_own_title(NoticeKind kind, string title)
    {
        var toast = Render<NoticeToast>(p => p.Add(t => t.Kind, kind).Add(t => t.Report, new NoticeReport(1, "HG-2026-000001", "Đường hư hỏng", null, null, null)));
        Assert.Equal(title, toast.Find(".hg-notice-title").TextContent);
        Assert.Empty(toast.FindAll(".hg-notice-place")); // no place known: no empty line
    }

    [Fact]
    public void Citizen_text_in_a_toast_is_text_not_markup()
    {
        var toast = Render<NoticeToast>(p => p.Add(t => t.Kind, NoticeKind.New)
            .Add(t => t.Report, new NoticeReport(1, "HG-2026-000001", "Rác thải", "Phường Vị Thanh", "<img src=x onerror=alert(1)>", 1)));
        Assert.Empty(toast.FindAll("img"));
        Assert.Contains("<img src=x onerror=alert(1)>", toast.Find(".hg-notice-place").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_show_the_stored_choices_as_form_fields_of_the_page()
    {
        var fields = Render<NoticeSettingsFields>(p => p.Add(f => f.Preferences, new NoticePreferences(Toast: false, TitleCount: true, Sound: true, Browser: false)));

        Assert.False(fields.Find("[data-testid=notice-toast-setting]").HasAttribute("checked"));
        Assert.True(fields.Find("[data-testid=notice-title-setting]").HasAttribute("checked"));
        Assert.True(fields.Find("[data-testid=notice-sound-setting]").HasAttribute("checked"));
        Assert.False(fields.Find("[data-testid=notice-browser-setting]").HasAttribute("checked"));
        Assert.Equal(["Input.Toast", "Input.TitleCount", "Input.Sound", "Input.Browser"], fields.FindAll("input[type=checkbox]").Select(i => i.GetAttribute("name")));
        Assert.Contains("Hiện thông báo trên trang", fields.Markup, StringComparison.Ordinal);
        Assert.Contains("tiêu đề thẻ trình duyệt", fields.Markup, StringComparison.Ordinal);
        Assert.Equal("Cho phép trên trình duyệt này", fields.Find("[data-testid=notice-permission]").TextContent);
        Assert.Equal("Trình duyệt này đã cho phép thông báo.", fields.Find("[data-notify-state]").GetAttribute("data-granted"));
    }

    [Fact]
    public void The_settings_say_who_hears_of_what_for_units_and_for_coordinators()
    {
        var unit = Render<NoticeSettingsFields>(p => p.Add(f => f.Preferences, NoticePreferences.Default));
        Assert.Contains("được phân công cho bạn", unit.Find("[data-testid=notice-who]").TextContent, StringComparison.Ordinal);

        var coordinator = Render<NoticeSettingsFields>(p => p.Add(f => f.Preferences, NoticePreferences.Default).Add(f => f.ProvinceWide, true));
        Assert.Contains("cần điều phối", coordinator.Find("[data-testid=notice-who]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Preferences_default_to_toast_and_count_on_sound_off_and_read_only_their_own_claims()
    {
        Assert.Equal(new NoticePreferences(true, true, false, true), NoticePreferences.From([]));
        var read = NoticePreferences.From([("hg:notify:toast", "off"), ("hg:notify:sound", "on"), ("hg:notify:title", "garbage"), ("hg:unit", "off")]);
        Assert.Equal(new NoticePreferences(Toast: false, TitleCount: true, Sound: true, Browser: true), read);
        Assert.Equal(read, NoticePreferences.From(read.ToClaims().Select(c => ((string?)c.Type, (string?)c.Value))));
        Assert.False(new NoticePreferences(false, false, false, false).Any);
    }
}
