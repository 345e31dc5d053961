using System.Net.Http.Json;
using System.Text.Json;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Push;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Shared.Actions;

namespace HauGiang.Portal.Tests.Features.Push;

/// <summary>
/// Web Push end to end: devices subscribe through the account page's real endpoint, the portal sends through its
/// real sender to a push service the test runs (<see cref="LocalPushService"/>), and the test decrypts each message
/// with the keys only the "browser" holds (<see cref="TestBrowserSubscription"/>) — proving the encryption, the
/// VAPID signature, what a message says and, as much, what it never says; and that scope decides who hears.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class PushTests(PushFixture fixture) : IClassFixture<PushFixture>
{
    private const string OfficerViThanh = "canbo.vithanh@haugiang.demo";
    private const string OfficerViThanh2 = "canbo2.vithanh@haugiang.demo";
    private const string HeadViThanh = "lanhdao.vithanh@haugiang.demo";
    private const string OfficerNgaBay = "canbo.ngabay@haugiang.demo";

    private PushApp App => fixture.App;

    private LocalPushService Push => fixture.Push;

    [Fact]
    public async Task A_new_report_reaches_its_units_devices_encrypted_with_code_category_and_place_only()
    {
        var (viThanh, vapidKey) = await fixture.SubscribeAsync(OfficerViThanh, "new-vithanh");
        var (ngaBay, _) = await fixture.SubscribeAsync(OfficerNgaBay, "new-ngabay");
        using var _1 = viThanh;
        using var _2 = ngaBay;

        // A citizen's report at Phường Vị Thanh, with the reporter's name, phone and e-mail.
        var (code, description) = await PostReportAsync(9.783, 105.467);

        var (push, payload, text) = await Push.NextAboutAsync("new-vithanh", viThanh, code);
        PushMessages.AssertVapid(push, vapidKey, Push.Origin);
        Assert.Equal("high", push.Urgency);
        await using var db = App.CreateDbContext();
        var report = await db.Reports.Include(r => r.Category).Include(r => r.Area).SingleAsync(r => r.Code == code);
        Assert.Equal(code, payload.GetProperty("code").GetString());
        Assert.Equal("Phản ánh mới " + code, payload.GetProperty("title").GetString());
        Assert.Equal(report.Category!.NameVi, payload.GetProperty("category").GetString());
        Assert.Equal(string.IsNullOrWhiteSpace(report.Address) ? report.Area!.Name : report.Address, payload.GetProperty("place").GetString());
        Assert.Equal("/reports/" + code, payload.GetProperty("url").GetString());
        Assert.DoesNotContain(description, text, StringComparison.Ordinal);
        foreach (var secret in new[] { "Nguyễn Văn Riêng", "0987654321", "rieng@example.vn" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // Ngã Bảy's officer hears nothing of a Vị Thanh report, and does hear of one in Ngã Bảy.
        await fixture.SettledAsync();
        Assert.Equal(0, Push.CountFor("new-ngabay"));
        var ngaBayArea = await db.Users.Where(u => u.Email == OfficerNgaBay).Select(u => u.Unit!.Area!).SingleAsync();
        var (ngaBayCode, _) = await PostReportAsync(ngaBayArea.CenterLatitude, ngaBayArea.CenterLongitude);
        var (_, ngaBayPayload, _) = await Push.NextAboutAsync("new-ngabay", ngaBay, ngaBayCode);
        Assert.Equal("NewInScope", ngaBayPayload.GetProperty("kind").GetString());
        await fixture.SettledAsync();
        Assert.DoesNotContain(ReceivedCodes("new-vithanh", viThanh), c => c == ngaBayCode);
    }

    [Fact]
    public async Task An_assignment_reaches_the_assignee_and_an_extension_request_the_head()
    {
        var (assignee, _) = await fixture.SubscribeAsync(OfficerViThanh2, "assign-officer");
        var (head, _) = await fixture.SubscribeAsync(HeadViThanh, "assign-head");
        using var _1 = assignee;
        using var _2 = head;
        var report = await App.CreateReportAsync();
        var service = App.Services.GetRequiredService<ReportActions>();
        var headUser = await App.UserAsync(HeadViThanh);
        var officer = await App.UserAsync(OfficerViThanh2);

        Assert.True((await service.ExecuteAsync(headUser, report.Id, new ActionRequest(ReportAction.Assign, report.Version) { OfficerId = officer.Id })).Succeeded);
        var (_, assigned, _) = await Push.NextAboutAsync("assign-officer", assignee, report.Code);
        Assert.Equal("Assigned", assigned.GetProperty("kind").GetString());
        Assert.Equal("Bạn được phân công " + report.Code, assigned.GetProperty("title").GetString());

        var current = await App.ReloadAsync(report.Id);
        Assert.True((await service.ExecuteAsync(officer, report.Id, new ActionRequest(ReportAction.RequestExtension, current.Version) { ExtraWorkingDays = 2, Text = "Chờ vật tư thay thế" })).Succeeded);
        var (_, extension, text) = await Push.NextAboutAsync("assign-head", head, report.Code);
        Assert.Equal("ExtensionRequested", extension.GetProperty("kind").GetString());
        Assert.DoesNotContain("vật tư", text, StringComparison.Ordinal); // the reason stays in the portal

        // One message each: the head (who assigned) hears nothing of the assignment, the officer nothing of their own request.
        await fixture.SettledAsync();
        Assert.DoesNotContain(ReceivedCodes("assign-head", head), c => c == report.Code);
        Assert.DoesNotContain(ReceivedCodes("assign-officer", assignee), c => c == report.Code);
    }

    [Fact]
    public async Task A_report_due_soon_reminds_its_assignee_once()
    {
        var (assignee, _) = await fixture.SubscribeAsync(OfficerViThanh2, "due-officer");
        using var _1 = assignee;
        var officer = await App.UserAsync(OfficerViThanh2);
        var report = await App.CreateReportAsync();
        await using (var db = App.CreateDbContext())
        {
            // Assigned, and due in three hours: inside the "sắp đến hạn" window (one working day).
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.AssignedOfficerId, officer.Id)
                .SetProperty(r => r.State, ReportState.InProgress)
                .SetProperty(r => r.DueAt, App.Now.AddHours(3)));
        }

        var job = App.Services.GetRequiredService<DueSoonPushJob>();
        await job.RunOnceAsync(CancellationToken.None);
        var (_, payload, _) = await Push.NextAboutAsync("due-officer", assignee, report.Code);
        Assert.Equal("DueSoon", payload.GetProperty("kind").GetString());
        Assert.Equal("Sắp đến hạn " + report.Code, payload.GetProperty("title").GetString());

        // Once per report: the next looks find nothing new, even an hour later on the app's clock.
        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        await fixture.SettledAsync();
        Assert.DoesNotContain(ReceivedCodes("due-officer", assignee), c => c == report.Code);
    }

    [Fact]
    public async Task A_device_the_push_service_calls_gone_is_removed()
    {
        var (browser, _) = await fixture.SubscribeAsync(OfficerViThanh, "gone");
        using var _1 = browser;
        var hash = PushDevices.Hash(browser.Endpoint);
        await using (var db = App.CreateDbContext())
        {
            Assert.True(await db.PushSubscriptions.AnyAsync(s => s.EndpointHash == hash));
        }

        Push.Expire("gone");
        var (code, _) = await PostReportAsync(9.783, 105.467);
        await Push.NextAboutAsync("gone", browser, code); // the push service received it and answered 410
        await fixture.SettledAsync();

        await using (var db = App.CreateDbContext())
        {
            Assert.False(await db.PushSubscriptions.AnyAsync(s => s.EndpointHash == hash));
        }

        using var http = await App.SignedInHttpAsync(OfficerViThanh);
        Assert.DoesNotContain(hash, await http.GetStringAsync("/Account/Manage/Push"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_service_that_never_answers_delays_no_other_device_and_is_given_up()
    {
        var (slow, _) = await fixture.SubscribeAsync(OfficerViThanh, "hanging");
        var (fast, _) = await fixture.SubscribeAsync(OfficerViThanh2, "beside-hanging");
        using var _1 = slow;
        using var _2 = fast;
        Push.Hang("hanging");

        var (code, _) = await PostReportAsync(9.783, 105.467);
        await Push.NextAboutAsync("hanging", slow, code); // taken, never answered
        await Push.NextAboutAsync("beside-hanging", fast, code);
        Assert.Equal(1, Push.OpenRequests("hanging")); // the other device had its message while this one still hung

        // The sender gives up after Push:SendTimeoutSeconds and keeps the device (a timeout is not an expiry).
        await fixture.SettledAsync();
        await using var db = App.CreateDbContext();
        var hash = PushDevices.Hash(slow.Endpoint);
        Assert.True(await db.PushSubscriptions.AnyAsync(s => s.EndpointHash == hash));
    }

    [Fact]
    public async Task The_account_page_lists_the_users_own_devices_and_removes_them()
    {
        var (browser, _) = await fixture.SubscribeAsync(HeadViThanh, "listed");
        using var _1 = browser;
        var hash = PushDevices.Hash(browser.Endpoint);
        using var head = await App.SignedInHttpAsync(HeadViThanh);
        var page = await head.GetStringAsync("/Account/Manage/Push");
        Assert.Contains(hash, page, StringComparison.Ordinal);
        Assert.Contains("Chrome · Android", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Endpoint, page, StringComparison.Ordinal); // the endpoint is a capability: never shown

        // Another user's page does not show it, nor can they remove it by its endpoint.
        using var other = await App.SignedInHttpAsync(OfficerNgaBay);
        var otherPage = await other.GetStringAsync("/Account/Manage/Push");
        Assert.DoesNotContain(hash, otherPage, StringComparison.Ordinal);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/push/devices/remove") { Content = JsonContent.Create(new { endpoint = browser.Endpoint }) })
        {
            var token = PushFixture.SwitchAttribute(otherPage, "request-token-value");
            request.Headers.Add(PushFixture.SwitchAttribute(otherPage, "request-token-name"), token);
            using var response = await other.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Contains(hash, await head.GetStringAsync("/Account/Manage/Push"), StringComparison.Ordinal);

        // The owner removes it with the page's own form.
        await using var db = App.CreateDbContext();
        var id = await db.PushSubscriptions.Where(s => s.EndpointHash == hash).Select(s => s.Id).SingleAsync();
        var form = System.Text.RegularExpressions.Regex.Matches(page, "<form[\\s\\S]*?</form>").Select(m => m.Value).Single(f => f.Contains($"remove-push-device-{id}\"", StringComparison.Ordinal));
        var fields = HtmlForms.HiddenFields(form);
        using var removed = await head.PostAsync("/Account/Manage/Push", new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(hash, await head.GetStringAsync("/Account/Manage/Push"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_to_a_push_service_not_allowed_is_refused()
    {
        using var http = await App.SignedInHttpAsync(OfficerViThanh);
        var page = await http.GetStringAsync("/Account/Manage/Push");
        using var browser = new TestBrowserSubscription("http://127.0.0.1:1/internal-service");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/push/devices") { Content = JsonContent.Create(browser.Json) };
        request.Headers.Add(PushFixture.SwitchAttribute(page, "request-token-name"), PushFixture.SwitchAttribute(page, "request-token-value"));
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private async Task<(string Code, string Description)> PostReportAsync(double lat, double lon)
    {
        var (_, key) = await App.CreateApiClientAsync();
        var description = "Cống nghẹt nặng sau nhà số 12, mô tả riêng " + Guid.NewGuid().ToString("N")[..8];
        var fields = IntakeTestExtensions.RequestFields(key, lat: lat, lon: lon, description: description);
        fields["first_name"] = "Nguyễn Văn";
        fields["last_name"] = "Riêng";
        fields["phone"] = "0987654321";
        fields["email"] = "rieng@example.vn";
        using var http = App.Http();
        using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!, description);
    }

    /// <summary>The codes of the messages this device received that the test has not read yet.</summary>
    private List<string> ReceivedCodes(string device, TestBrowserSubscription browser)
    {
        var codes = new List<string>();
        while (Push.TryTake(device, out var push))
        {
            codes.Add(JsonDocument.Parse(browser.Decrypt(push.Body)).RootElement.GetProperty("code").GetString()!);
        }

        return codes;
    }
}
