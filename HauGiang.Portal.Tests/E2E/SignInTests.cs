using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.E2E;

/// <summary>Signing in and out in real Chromium against the real app: every role, lockout, language.</summary>
[Collection(BrowserCollection.Name)]
[NoCspViolations]
[Trait(Tier.Key, Tier.Browser)]
public class SignInTests(BrowserFixture browser, PortalApp app)
{
    [Theory]
    [InlineData("admin@haugiang.demo", "Quản trị hệ thống", "Quản trị hệ thống", "UBND thành phố Cần Thơ")]
    [InlineData("dieuphoi@haugiang.demo", "Trần Minh Khoa", "Điều phối viên", "UBND thành phố Cần Thơ")]
    [InlineData("truongphong.xaydung@haugiang.demo", "Lê Văn Thành", "Lãnh đạo đơn vị", "Sở Xây dựng (trật tự đô thị, hạ tầng)")]
    [InlineData("canbo.vithanh@haugiang.demo", "Nguyễn Văn An", "Cán bộ xử lý", "UBND Phường Vị Thanh")]
    [InlineData("canbo.ngabay@haugiang.demo", "Phạm Thị Hoa", "Cán bộ xử lý", "UBND Phường Ngã Bảy")]
    public async Task Each_demo_account_signs_in_and_sees_its_name_role_and_unit_in_Vietnamese(string email, string name, string role, string unit)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(email);

        Assert.Equal(app.BaseUrl + "/", page.Url);
        Assert.Equal(name, await page.InnerTextAsync("[data-testid=user-name]"));
        Assert.Contains(role, await page.InnerTextAsync("[data-testid=user-role]"), StringComparison.Ordinal);
        Assert.Equal(unit, await page.InnerTextAsync("[data-testid=user-unit]"));
        Assert.Contains("Xin chào", await page.InnerTextAsync("[data-testid=home-greeting]"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_adds_a_passkey_and_the_sign_in_page_signs_them_in_with_it()
    {
        // WebAuthn needs a domain: the same app reached as localhost, and Chromium's virtual authenticator (DevTools)
        // standing in for the phone's fingerprint or the laptop's security key.
        var page = await browser.NewPageAsync(app.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.SignInAsync("canbo.ngabay@haugiang.demo");
        await page.GotoAsync("/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm khóa truy cập" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/RenamePasskey/**");
        await page.GotoAsync("/Account/Manage/Passkeys");
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(1);

        // Signed out, the sign-in page asks the browser for a passkey as it loads (autofill, "conditional mediation"):
        // a user picks it from the e-mail field's list, the virtual authenticator answers at once. No password typed.
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                lock (visited)
                {
                    visited.Add(frame.Url);
                }
            }
        };
        await page.ClickAsync("[data-testid=sign-out]");
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Phạm Thị Hoa", new() { Timeout = 60_000 });
        lock (visited)
        {
            var signIn = visited.FindIndex(u => u.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
            Assert.True(signIn >= 0, "signing out should reach the sign-in page: " + string.Join(" → ", visited));
            Assert.DoesNotContain("/Account/Login", visited[^1], StringComparison.OrdinalIgnoreCase);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_remember_me_choice_sits_below_the_password_on_one_line()
    {
        // The queue's row checkboxes once shared this label's class and squeezed it to 18 px: the words ran down
        // over the password field.
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Account/Login");
        var password = (await page.Locator("input[name='Input.Password']").BoundingBoxAsync())!;
        var remember = (await page.Locator("label.hg-check").BoundingBoxAsync())!;

        var overflow = await page.Locator("label.hg-check").EvaluateAsync<double>("l => l.scrollHeight - l.clientHeight");

        Assert.True(remember.Y >= password.Y + password.Height, $"the label starts at {remember.Y}, the password field ends at {password.Y + password.Height}");
        Assert.True(remember.Width > 200, $"the label is {remember.Width} px wide");
        Assert.True(remember.Height < 40 && overflow <= 1, $"the label is {remember.Height} px high and its words run {overflow} px beyond it");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_passkey_asked_for_on_an_IP_address_explains_that_it_needs_the_domain()
    {
        // The test app listens on 127.0.0.1, as a server's own console would open it: WebAuthn refuses addresses.
        var page = await browser.NewPageAsync(app.BaseUrl);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", "canbo.vithanh@haugiang.demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng khóa truy cập (passkey)" }).ClickAsync();

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("khóa truy cập chỉ dùng được khi mở cổng bằng tên miền");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Contains("SecurityError", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Manage")]
    [InlineData("/reports/HG-2026-000001")]
    public async Task Anonymous_requests_to_pages_go_to_sign_in(string path)
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.GotoAsync(path);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Equal("Đăng nhập", await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_no_longer_works()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        const string email = "canbo.31333@haugiang.demo"; // an officer of Phường Vị Tân no other test signs in as
        for (var i = 1; i <= 4; i++)
        {
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("input[name='Input.Email']", email);
            await page.FillAsync("input[name='Input.Password']", "sai-mat-khau-" + i);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator(".hg-alert-error")).ToContainTextAsync("không đúng");
        }

        await page.FillAsync("input[name='Input.Password']", "sai-mat-khau-5");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Account/Lockout");
        Assert.Contains("tạm khóa", await page.InnerTextAsync("[data-testid=locked-out]"), StringComparison.Ordinal);

        // Locked: even the right password is refused now.
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", PortalApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Account/Lockout");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task English_can_be_chosen_and_sticks_then_Vietnamese_comes_back()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("canbo.ngabay@haugiang.demo");
        await page.ClickAsync("a[data-culture=en-US]");
        await Assertions.Expect(page.Locator("[data-testid=user-role]")).ToContainTextAsync("Officer");
        await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToContainTextAsync("Sign out", new() { IgnoreCase = true });

        // It sticks: a new page load is still in English.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=home-greeting]")).ToContainTextAsync("Hello");

        await page.ClickAsync("a[data-culture=vi-VN]");
        await Assertions.Expect(page.Locator("[data-testid=home-greeting]")).ToContainTextAsync("Xin chào");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Signing out in one tab ends the other tabs too: their open pages are signed out at once (not at the next
    /// revalidation, 30 s here) and go to sign-in.
    /// </summary>
    [Fact]
    public async Task Sign_out_ends_the_session_in_every_tab()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("dieuphoi@haugiang.demo");
        await page.WaitForCircuitAsync();
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync("/queue");
        await otherTab.WaitForCircuitAsync();
        await Assertions.Expect(otherTab.Locator("[data-testid=user-name]")).ToHaveTextAsync("Trần Minh Khoa");

        // Generous bounds, met in well under a second when the machine is quiet: sign-out writes the user's new
        // security stamp, and on CI's two cores that write once waited behind other test classes' seeding.
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/Account/Login**", new() { Timeout = 60_000 });
        await otherTab.WaitForURLAsync("**/Account/Login**", new() { Timeout = 60_000 });

        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
