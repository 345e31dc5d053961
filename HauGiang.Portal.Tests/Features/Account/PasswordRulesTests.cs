using System.Net;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Tests.Features.Admin;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalSecurity = HauGiang.Portal.Security;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>Passwords: at least 10 characters and not on the shipped list of breached passwords; refusals say why.</summary>
[Trait(Tier.Key, Tier.App)]
public class PasswordRulesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("1qaz2wsx3edc")]
    public async Task Breached_passwords_are_refused_whatever_their_case(string password)
    {
        var result = await ValidateAsync(password);
        Assert.Contains(result.Errors, e => e.Code == PortalSecurity.CommonPasswordValidator.ErrorCode);
    }

    [Theory]
    [InlineData(PortalApp.Password)]
    [InlineData("mat-khau-du-dai-2026")]
    [InlineData("con cò bay lả bay la")]
    public async Task Long_uncommon_passwords_are_accepted(string password) => Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task Short_passwords_are_refused_by_length()
    {
        var result = await ValidateAsync("ngan-qua");
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public void The_shipped_list_is_the_real_one() =>
        // SecLists' top 100,000 has 2,344 entries of 10 characters or more, 2,312 once case is ignored (Security/common-passwords.README.md).
        Assert.Equal(2312, PortalSecurity.CommonPasswordValidator.Count);

    [Fact]
    public async Task An_admin_creating_or_resetting_with_a_common_password_is_told_why()
    {
        var admin = await app.UserAsync(AdminTestData.AdminEmail);
        var users = app.Services.GetRequiredService<UserAdminService>();
        int vithanh;
        await using (var db = app.CreateDbContext())
        {
            vithanh = await db.Units.Where(u => u.Code == "UBND-31321").Select(u => u.Id).SingleAsync();
        }

        var form = new UserForm { Email = "pho.bien@haugiang.demo", DisplayName = "Cán bộ Phổ Biến", Roles = [Roles.Officer], UnitId = vithanh, Password = "Password123" };
        Assert.Equal("User.PasswordCommon", (await users.CreateAsync(admin, form)).MessageKey);

        form.Password = "mat-khau-du-dai-2026";
        Assert.True((await users.CreateAsync(admin, form)).Succeeded);
        var id = (await users.ListAsync(new UserFilter("pho.bien"), english: false)).Single().Id;
        Assert.Equal("User.PasswordCommon", (await users.ResetPasswordAsync(admin, id, "1234567890")).MessageKey);
    }

    [Theory]
    [InlineData("vi-VN", "quá phổ biến")]
    [InlineData("en-US", "too common")]
    public async Task The_change_password_form_says_the_password_is_too_common(string culture, string expected)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        jar.Add(new Uri(app.BaseUrl), new Cookie(".AspNetCore.Culture", Uri.EscapeDataString($"c={culture}|uic={culture}")));
        var login = HtmlForms.HiddenFields(await http.GetStringAsync("/Account/Login"));
        login["Input.Email"] = "canbo.ngabay@haugiang.demo";
        login["Input.Password"] = PortalApp.Password;
        using (var signedIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(login)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var form = HtmlForms.HiddenFields(await http.GetStringAsync("/Account/Manage/ChangePassword"));
        form["Input.OldPassword"] = PortalApp.Password;
        form["Input.NewPassword"] = form["Input.ConfirmPassword"] = "Qwertyuiop";
        using var refused = await http.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(expected, html, StringComparison.Ordinal);

        // And the password did not change.
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await manager.CheckPasswordAsync((await manager.FindByEmailAsync("canbo.ngabay@haugiang.demo"))!, PortalApp.Password));
    }

    private async Task<IdentityResult> ValidateAsync(string password)
    {
        _ = app.BaseUrl;
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "thu@haugiang.demo", Email = "thu@haugiang.demo" };
        var errors = new List<IdentityError>();
        foreach (var validator in manager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(manager, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
