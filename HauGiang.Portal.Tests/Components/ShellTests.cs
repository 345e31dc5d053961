using Bunit;
using HauGiang.Portal.Components.Layout;
using HauGiang.Portal.Components.Pages;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Components;

/// <summary>The shell by role: who the user is, in Vietnamese, and where their work is.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ShellTests : PortalTestContext
{
    [Theory]
    [InlineData(Roles.Officer, "Cán bộ xử lý", "UBND Phường Vị Thanh")]
    [InlineData(Roles.DepartmentHead, "Lãnh đạo đơn vị", "Sở Xây dựng (trật tự đô thị, hạ tầng)")]
    [InlineData(Roles.Coordinator, "Điều phối viên", "UBND thành phố Cần Thơ")]
    [InlineData(Roles.Admin, "Quản trị hệ thống", "UBND thành phố Cần Thơ")]
    public void The_user_badge_shows_name_role_and_unit_in_Vietnamese(string role, string roleVi, string unit)
    {
        SignIn("Nguyễn Văn An", role, unit);
        var badge = Render<UserBadge>();
        Assert.Equal("Nguyễn Văn An", badge.Find("[data-testid=user-name]").TextContent);
        Assert.Contains(roleVi, badge.Find("[data-testid=user-role]").TextContent, StringComparison.Ordinal);
        Assert.Equal(unit, badge.Find("[data-testid=user-unit]").TextContent);
        Assert.Contains("Đăng xuất", badge.Find("[data-testid=sign-out]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Officer, new[] { "Hàng đợi phản ánh", "Bản đồ phản ánh" }, new[] { "Quản trị", "Bảng theo dõi" })]
    [InlineData(Roles.DepartmentHead, new[] { "Hàng đợi phản ánh", "Bảng theo dõi" }, new[] { "Quản trị" })]
    [InlineData(Roles.Coordinator, new[] { "Hàng đợi phản ánh", "Bảng theo dõi" }, new[] { "Quản trị" })]
    [InlineData(Roles.Admin, new[] { "Quản trị", "Bảng theo dõi" }, new[] { "Hàng đợi phản ánh" })]
    public void The_home_page_tells_each_role_where_its_work_is(string role, string[] shown, string[] hidden)
    {
        SignIn("Lê Văn Thành", role, "UBND Phường Vị Thanh");
        ComponentFactories.AddStub<HauGiang.Portal.Features.Queue.QueueCounters>(); // counts are tested with the real app
        var home = Render<Home>();
        var titles = home.FindAll(".hg-home-card h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Xin chào, Lê Văn Thành", home.Find("[data-testid=home-greeting]").TextContent, StringComparison.Ordinal);
        Assert.All(shown, s => Assert.Contains(s, titles));
        Assert.All(hidden, h => Assert.DoesNotContain(h, titles));
    }
}

[Trait(Tier.Key, Tier.Fast)]
public class ShellInEnglishTests() : PortalTestContext("en-US")
{
    [Fact]
    public void The_shell_switches_to_English()
    {
        SignIn("Nguyễn Văn An", Roles.Officer, "UBND Phường Vị Thanh");
        var badge = Render<UserBadge>();
        Assert.Contains("Officer", badge.Find("[data-testid=user-role]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sign out", badge.Find("[data-testid=sign-out]").TextContent, StringComparison.Ordinal);
    }
}

/// <summary>Navigation by role: only pages that exist, and only those the role may open.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class NavMenuTests : PortalTestContext
{
    [Theory]
    [InlineData(Roles.Officer, new[] { "/queue", "/map" }, new[] { "/dashboard" })]
    [InlineData(Roles.DepartmentHead, new[] { "/queue", "/map", "/dashboard" }, new string[0])]
    [InlineData(Roles.Coordinator, new[] { "/queue", "/map", "/dashboard" }, new string[0])]
    public void Each_role_sees_the_links_to_its_work(string role, string[] shown, string[] hidden)
    {
        var auth = SignIn("Nguyễn Văn An", role, "UBND Phường Vị Thanh");
        auth.SetPolicies(PoliciesFor(role));
        var nav = Render<NavMenu>();
        var links = nav.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.All(shown, s => Assert.Contains(s, links));
        Assert.All(hidden, h => Assert.DoesNotContain(h, links));
    }

    // What the app's named policies grant each role (Security/Policies.cs).
    private static string[] PoliciesFor(string role) => role switch
    {
        Roles.Officer => [Policies.Staff, Policies.HandleReports],
        Roles.DepartmentHead => [Policies.Staff, Policies.HandleReports, Policies.ViewDashboard],
        Roles.Coordinator => [Policies.Staff, Policies.HandleReports, Policies.ViewDashboard, Policies.Coordinate, Policies.ViewAdministration],
        _ => [Policies.Staff, Policies.HandleReports, Policies.ViewDashboard, Policies.Coordinate, Policies.Administer, Policies.ViewAdministration],
    };
}
