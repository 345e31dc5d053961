using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>Intake in real Chromium: API clients, a report sent through the API reaching its unit, the officers' form.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class IntakeTests(BrowserFixture browser, PortalApp app)
{
    [Fact]
    public async Task An_admin_creates_an_api_client_sees_its_key_once_and_revokes_it()
    {
        var name = "Ứng dụng đối tác " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(IntakeTestExtensions.Admin);
        await page.GotoAsync("/admin/api-clients");
        await page.WaitForCircuitAsync();

        await page.ClickAsync("[data-testid=api-client-new]");
        await Field(page, "Tên ứng dụng").FillAsync(name);
        await Field(page, "Người liên hệ").FillAsync("kythuat@doitac.vn");
        var rpm = Field(page, "Giới hạn yêu cầu/phút");
        await rpm.FillAsync("30");
        await rpm.BlurAsync();
        await page.ClickAsync("[data-testid=api-client-create]");

        var keyElement = page.Locator("[data-testid=api-client-key]");
        await Assertions.Expect(keyElement).ToBeVisibleAsync();
        var key = (await keyElement.TextContentAsync())!.Trim();
        Assert.StartsWith("hg_", key, StringComparison.Ordinal);
        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(key[..11] + "…");
        await Assertions.Expect(row).ToContainTextAsync("Đang hoạt động");

        // The key works…
        await using (var db = app.CreateDbContext())
        {
            var client = await db.ApiClients.SingleAsync(c => c.Name == name);
            Assert.Equal((30, "kythuat@doitac.vn"), (client.RequestsPerMinute, client.Contact));
            Assert.DoesNotContain(key, client.KeyHash, StringComparison.Ordinal);
            Assert.Equal(HauGiang.Portal.Features.Intake.ApiClientService.Hash(key), client.KeyHash);
        }

        using var http = app.Http();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)))).StatusCode);

        // …and is never shown again.
        await page.ClickAsync("[data-testid=api-client-key-done]");
        await Assertions.Expect(keyElement).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = name })).ToBeVisibleAsync();
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("tr", new() { HasText = name }).Locator("[data-testid=api-client-revoke]").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Thu hồi khóa" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = name }).Locator("[data-testid=api-client-status]")).ToContainTextAsync("Đã thu hồi");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key)))).StatusCode);

        await using var check = app.CreateDbContext();
        var id = (await check.ApiClients.SingleAsync(c => c.Name == name)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["apiclient.create", "apiclient.revoke"], await check.AuditEntries.Where(a => a.EntityType == "ApiClient" && a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_cannot_open_the_api_clients_screen()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/admin/api-clients");
        await Assertions.Expect(page.Locator("[data-testid=api-client-new]")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("[data-testid=nav-api-clients]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_report_posted_through_the_api_appears_in_the_right_units_queue_with_its_photo_and_its_reporter_hidden()
    {
        var (_, key) = await app.CreateApiClientAsync();
        var token = "API" + Guid.NewGuid().ToString("N")[..8];
        var form = new MultipartFormDataContent();
        var fields = IntakeTestExtensions.RequestFields(key, description: $"Rác {token} chất đống trước cổng chợ Vị Thanh.");
        fields["first_name"] = "Lê Thị";
        fields["last_name"] = "Bảo Mật";
        fields["phone"] = "0911222333";
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        var photo = new ByteArrayContent(TestImages.JpegWithGps(9.7831, 105.4672, 800, 600));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "media", "hien-truong.jpg");
        using var http = app.Http();
        using var response = await http.PostAsync("/open311/v2/requests.json", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync($"/queue?q={token}");
        await Assertions.Expect(page.Locator("[data-testid=report-link]")).ToHaveTextAsync(code);
        await page.Locator("[data-testid=report-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-code]")).ToHaveTextAsync(code);

        var img = page.Locator("[data-testid=report-photo]");
        await Assertions.Expect(img).ToHaveCountAsync(1);
        await Assertions.Expect(img).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=report-photo]'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Equal(320, await img.EvaluateAsync<int>("i => Math.max(i.naturalWidth, i.naturalHeight)"));

        await Assertions.Expect(page.Locator("[data-testid=reporter-confidential]")).ToBeVisibleAsync();
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Bảo Mật", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0911222333", html, StringComparison.Ordinal);

        // The other ward's officer neither sees it in the queue nor gets its photo.
        var other = await browser.NewPageAsync(app.BaseUrl);
        await other.SignInAsync("canbo.ngabay@haugiang.demo");
        await other.GotoAsync($"/queue?tab=All&q={token}");
        await Assertions.Expect(other.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();
        var src = await img.GetAttributeAsync("src");
        var photoResponse = await other.APIRequest.GetAsync(src!);
        Assert.Equal(404, photoResponse.Status);
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_takes_a_phone_report_with_a_photo_and_it_is_routed_like_any_other()
    {
        var token = "DT" + Guid.NewGuid().ToString("N")[..8];
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await Assertions.Expect(page.Locator("[data-testid=nav-intake]")).ToBeVisibleAsync();
        await page.GotoAsync("/intake/new");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=intake-submit]")).ToBeVisibleAsync();

        await Choose(page, "Lĩnh vực", "Rác thải, vệ sinh môi trường");
        await Field(page, "Nội dung phản ánh").FillAsync($"Người dân gọi điện: rác {token} ùn ứ ở đầu hẻm 5.");
        await Choose(page, "Phường/xã", "Phường Vị Thanh");
        await Assertions.Expect(page.Locator("[data-testid=intake-preview]")).ToContainTextAsync("UBND Phường Vị Thanh");
        await Field(page, "Địa chỉ").FillAsync("Hẻm 5, đường Trần Hưng Đạo");
        await Field(page, "Họ tên").FillAsync("Phan Văn Gọi");
        await Field(page, "Số điện thoại").FillAsync("0909123456");

        await page.Locator("input[type=file]").First.ChooseFilesAsync(new FilePayload { Name = "anh.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithGps(9.78, 105.46, 640, 480) });
        await Assertions.Expect(page.Locator("[data-testid=intake-photo]")).ToHaveCountAsync(1);
        await page.Locator("input[type=file]").First.ChooseFilesAsync(new FilePayload { Name = "virus.jpg", MimeType = "image/jpeg", Buffer = TestImages.Executable() });
        await Assertions.Expect(page.Locator("[data-testid=intake-photo-error]")).ToContainTextAsync("virus.jpg");
        await Assertions.Expect(page.Locator("[data-testid=intake-photo]")).ToHaveCountAsync(1);

        await page.ClickAsync("[data-testid=intake-submit]");
        var received = page.Locator("[data-testid=intake-received]");
        await Assertions.Expect(received).ToContainTextAsync("UBND Phường Vị Thanh");
        var code = (await page.Locator("[data-testid=intake-received-code]").TextContentAsync())!.Trim();
        Assert.Matches(@"^HG-\d{4}-\d{6}$", code);

        await page.Locator("[data-testid=intake-received-code]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-code]")).ToHaveTextAsync(code);
        await Assertions.Expect(page.Locator("[data-testid=report-photo]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=timeline-item][data-type=Received]")).ToContainTextAsync("Tiếp nhận qua: Đường dây nóng");
        Assert.DoesNotContain("0909123456", await page.ContentAsync(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var report = await db.Reports.Include(r => r.Unit).Include(r => r.Events).SingleAsync(r => r.Code == code);
        Assert.Equal(("UBND-31321", HauGiang.Portal.Domain.ReportSource.Hotline), (report.Unit!.Code, report.Source));
        Assert.Equal("Nguyễn Văn An", report.Events.Single().ActorName);
        Assert.Equal("0909123456", (await db.ReporterContacts.SingleAsync(c => c.ReportId == report.Id)).Phone);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_is_asked_the_categorys_questions_and_a_required_one_must_be_answered()
    {
        var token = "CX" + Guid.NewGuid().ToString("N")[..8];
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.vithanh@haugiang.demo");
        await page.GotoAsync("/intake/new");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=intake-question]")).ToHaveCountAsync(0);

        await Choose(page, "Lĩnh vực", "Cây xanh gãy đổ, nguy hiểm");
        await Assertions.Expect(page.Locator("[data-testid=intake-question][data-code=chan_duong]")).ToContainTextAsync("Cây có đang chắn đường không?");
        await Field(page, "Nội dung phản ánh").FillAsync($"Người dân báo cây đổ {token} trước trường học.");
        await Choose(page, "Phường/xã", "Phường Vị Thanh");

        // Unanswered, it is refused with the question itself (the same rule the citizen apps meet through Open311).
        await page.ClickAsync("[data-testid=intake-submit]");
        await Assertions.Expect(page.Locator("[data-testid=intake-error]")).ToContainTextAsync("Cần trả lời câu hỏi: Cây có đang chắn đường không?");

        await Choose(page, "Cây có đang chắn đường không?", "Có");
        await page.ClickAsync("[data-testid=intake-submit]");
        await Assertions.Expect(page.Locator("[data-testid=intake-received]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=intake-question]")).ToHaveCountAsync(0);

        await using var db = app.CreateDbContext();
        var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Description.Contains(token));
        Assert.Equal("Tiếp nhận qua: Đường dây nóng; Cây có đang chắn đường không: Có", report.Events.Single().Note);
        await page.Context.CloseAsync();
    }

    private static ILocator Field(IPage page, string label) =>
        page.Locator(".mud-input-control", new() { HasText = label }).Locator("input:not([type=hidden]), textarea").First;

    private static async Task Choose(IPage page, string label, string option)
    {
        await page.Locator(".mud-select", new() { HasText = label }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
