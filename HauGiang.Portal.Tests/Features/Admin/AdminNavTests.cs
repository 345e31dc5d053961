using Bunit;
using HauGiang.Portal.Components.Layout;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Admin;

/// <summary>The admin menu: coordinators see the read-only screens, only admins see users and the audit log.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class AdminNavTests : PortalTestContext
{
    [Theory]
    [InlineData(Roles.Admin, new[] { "Lĩnh vực phản ánh", "Đơn vị và địa bàn", "Quy tắc phân công", "Tài khoản và vai trò", "Lịch làm việc", "Nhật ký quản trị" }, new string[0])]
    [InlineData(Roles.Coordinator, new[] { "Lĩnh vực phản ánh", "Đơn vị và địa bàn", "Quy tắc phân công", "Lịch làm việc" }, new[] { "Tài khoản và vai trò", "Nhật ký quản trị" })]
    public void Each_role_sees_the_admin_screens_it_may_open(string role, string[] shown, string[] hidden)
    {
        // bUnit's authorization grants policies explicitly: the same ones Policies.cs gives these roles.
        var auth = SignIn("Trần Minh Khoa", role, "UBND thành phố Cần Thơ");
        auth.SetPolicies(role == Roles.Admin ? [Policies.ViewAdministration, Policies.Administer] : [Policies.ViewAdministration]);
        var menu = Render<NavMenu>();
        var text = menu.Markup;
        Assert.All(shown, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.All(hidden, h => Assert.DoesNotContain(h, text, StringComparison.Ordinal));
        Assert.DoesNotContain("/queue", text, StringComparison.Ordinal); // no policy to handle reports was given
    }
}
