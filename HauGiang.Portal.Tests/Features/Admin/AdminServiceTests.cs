using HauGiang.Portal.Data;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HauGiang.Portal.Tests.Features.Admin.AdminTestData;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Tests.Features.Admin;

/// <summary>The admin services against the real database: each change writes exactly one audit entry, only admins change.</summary>
[Trait(Tier.Key, Tier.App)]
public class AdminServiceTests(AdminApp app) : IClassFixture<AdminApp>
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task Category_create_edit_move_deactivate_and_delete_each_leave_one_audit_entry_with_before_and_after()
    {
        var admin = await app.UserAsync(AdminEmail);
        var service = Get<CategoryAdminService>();
        var form = new CategoryForm { Code = "ran-can", Group = "Khác", GroupEn = "Other", NameVi = "Rắn cắn, động vật nguy hiểm", NameEn = "Dangerous animals", Icon = "Pets", Color = "#795548", HandlingDays = 2 };

        var mark = await app.LastAuditIdAsync();
        Assert.True((await service.SaveAsync(admin, form)).Succeeded);
        var created = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("category.create", "ran-can"), (created.Action, created.EntityId));
        Assert.Null(created.Before);
        Assert.Contains("\"handlingDays\":2", created.After, StringComparison.Ordinal);

        var row = (await service.ListAsync(false)).Single(c => c.Code == "ran-can");
        var edit = CategoryForm.From(row);
        edit.HandlingDays = 4;
        mark = await app.LastAuditIdAsync();
        Assert.True((await service.SaveAsync(admin, edit)).Succeeded);
        var updated = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Contains("\"handlingDays\":2", updated.Before, StringComparison.Ordinal);
        Assert.Contains("\"handlingDays\":4", updated.After, StringComparison.Ordinal);

        // It is the last of its group ("Khác"); moving it up swaps it with "khac".
        mark = await app.LastAuditIdAsync();
        Assert.True((await service.MoveAsync(admin, row.Id, -1)).Succeeded);
        var moved = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Contains("[\"khac\",\"ran-can\"]", moved.Before, StringComparison.Ordinal);
        Assert.Contains("[\"ran-can\",\"khac\"]", moved.After, StringComparison.Ordinal);
        var order = (await service.ListAsync(false)).Where(c => c.Group == "Khác").Select(c => c.Code).ToList();
        Assert.Equal(["ran-can", "khac"], order);

        mark = await app.LastAuditIdAsync();
        Assert.True((await service.SetActiveAsync(admin, row.Id, false)).Succeeded);
        var deactivated = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("{\"isActive\":true}", "{\"isActive\":false}"), (deactivated.Before, deactivated.After));

        mark = await app.LastAuditIdAsync();
        Assert.True((await service.DeleteAsync(admin, row.Id)).Succeeded);
        var deleted = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("category.delete", deleted.Action);
        Assert.NotNull(deleted.Before);
        Assert.DoesNotContain(await service.ListAsync(false), c => c.Code == "ran-can");
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted_a_code_is_unique_and_a_coordinator_changes_nothing()
    {
        var admin = await app.UserAsync(AdminEmail);
        var coordinator = await app.UserAsync("dieuphoi@haugiang.demo");
        var service = Get<CategoryAdminService>();
        var rubbish = (await service.ListAsync(false)).Single(c => c.Code == "rac-thai");
        var mark = await app.LastAuditIdAsync();

        Assert.Equal("Category.InUse", (await service.DeleteAsync(admin, rubbish.Id)).MessageKey);
        var duplicate = new CategoryForm { Code = "rac-thai", Group = "Môi trường", NameVi = "Trùng", NameEn = "Dup", HandlingDays = 2 };
        Assert.Equal("Category.CodeTaken", (await service.SaveAsync(admin, duplicate)).MessageKey);
        Assert.Equal("Category.CodeInvalid", (await service.SaveAsync(admin, new CategoryForm { Code = "Có Dấu", Group = "x", NameVi = "x", NameEn = "x" })).MessageKey);
        Assert.Same(AdminResult.Refused, await service.SetActiveAsync(coordinator, rubbish.Id, false));
        Assert.Same(AdminResult.Refused, await Get<CalendarAdminService>().SaveAsync(coordinator, new DateOnly(2026, 6, 1), CalendarDayKind.Holiday, "x"));
        Assert.Same(AdminResult.Refused, await Get<RoutingAdminService>().SetCellAsync(coordinator, rubbish.Id, 1, null));

        Assert.Empty(await app.AuditSinceAsync(mark));
        Assert.True((await service.ListAsync(false)).Single(c => c.Code == "rac-thai").IsActive);
    }

    [Fact]
    public async Task A_deactivated_category_stays_on_its_reports_and_leaves_the_intake_choices()
    {
        var admin = await app.UserAsync(AdminEmail);
        var service = Get<CategoryAdminService>();
        var report = await app.CreateReportAsync("UBND-31321", categoryCode: "tieng-on");
        var noise = (await service.ListAsync(false)).Single(c => c.Code == "tieng-on");
        var intake = Get<IntakeService>();
        Assert.NotNull(await intake.FindCategoryAsync("tieng-on", default)); // intake has the categories cached now

        Assert.True((await service.SetActiveAsync(admin, noise.Id, false)).Succeeded);
        try
        {
            // What intake offers (Open311 services, the hotline form) loses it at once, not when its cache expires.
            Assert.Null(await intake.FindCategoryAsync("tieng-on", default));
            Assert.DoesNotContain(await intake.ActiveCategoriesAsync(), c => c.Code == "tieng-on");
            var detail = await Get<ReportService>().GetAsync(await app.UserAsync("canbo.vithanh@haugiang.demo"), report.Code, english: false);
            Assert.Equal("Tiếng ồn, karaoke", detail!.CategoryName);
        }
        finally
        {
            await service.SetActiveAsync(admin, noise.Id, true);
        }
    }

    [Fact]
    public async Task The_locator_uses_the_nearest_centre_within_15_km_and_nothing_beyond()
    {
        var locator = Get<AreaLocator>();
        var ngaBay = await locator.LocateWithMatchAsync(9.8165, 105.8205, CancellationToken.None);
        Assert.Equal(("31340", AreaMatch.NearestCentre), (ngaBay!.Area.Code, ngaBay.Match));

        Assert.Null(await locator.LocateAsync(10.78, 106.70, CancellationToken.None)); // Hồ Chí Minh City: far from every centre
        Assert.Null(await locator.LocateAsync(double.NaN, 105.5, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_good_import_the_locator_uses_the_polygon_and_a_bad_file_changes_nothing()
    {
        var admin = await app.UserAsync(AdminEmail);
        var organisation = Get<OrganisationAdminService>();
        var locator = Get<AreaLocator>();

        // This point is nearer Xã Hỏa Lựu's centre (≈2.1 km) than Phường Vị Thanh's (≈2.4 km).
        const double lat = 9.795, lon = 105.449;
        Assert.Equal("31338", (await locator.LocateAsync(lat, lon, CancellationToken.None))!.Code);

        // A file with one unknown code: refused whole, no area changed, no audit entry.
        var mark = await app.LastAuditIdAsync();
        var bad = Collection(Feature("ma_xa", "31321", Square(9.78, 105.467, 0.025)), Feature("ma_xa", "12345", Square(9.9, 105.6, 0.01)));
        var (refused, preview) = await organisation.ImportAsync(admin, bad, "bad.geojson");
        Assert.False(refused.Succeeded);
        Assert.Equal(BoundaryFeatureStatus.UnknownCode, preview.Features[1].Status);
        var (malformed, _) = await organisation.ImportAsync(admin, "{\"type\":\"FeatureCollection\",\"features\":[", "broken.geojson");
        Assert.False(malformed.Succeeded);
        Assert.Empty(await app.AuditSinceAsync(mark));
        Assert.DoesNotContain(await organisation.AreasAsync(), a => a.HasBoundary);
        Assert.Equal("31338", (await locator.LocateAsync(lat, lon, CancellationToken.None))!.Code);

        var good = Collection(Feature("ma_xa", "31321", Square(9.78, 105.467, 0.025)));
        var (done, _) = await organisation.ImportAsync(admin, good, "vi-thanh.geojson");
        Assert.True(done.Succeeded);
        var entry = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("area.import-boundaries", "31321", "vi-thanh.geojson"), (entry.Action, entry.EntityId, entry.Reason));
        Assert.Equal("{\"31321\":null}", entry.Before);
        Assert.Contains("Polygon 5 pts", entry.After, StringComparison.Ordinal);

        var located = await locator.LocateWithMatchAsync(lat, lon, CancellationToken.None);
        Assert.Equal(("31321", AreaMatch.Boundary), (located!.Area.Code, located.Match));

        // And routing follows: street lights in a ward are handled by the ward (seeded rule), so by Vị Thanh here.
        var lights = (await Get<CategoryAdminService>().ListAsync(false)).Single(c => c.Code == "den-chieu-sang");
        var test = await Get<RoutingAdminService>().TestPointAsync(lights.Id, lat, lon, english: false);
        Assert.Equal(("UBND Phường Vị Thanh", RoutingReason.Rule), (test!.UnitName, test.Decision.Reason));

        mark = await app.LastAuditIdAsync();
        var area = (await organisation.AreasAsync()).Single(a => a.Code == "31321");
        Assert.True((await organisation.ClearBoundaryAsync(admin, area.Id)).Succeeded);
        Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("31338", (await locator.LocateAsync(lat, lon, CancellationToken.None))!.Code);
    }

    [Fact]
    public async Task A_routing_rule_changes_the_effective_unit_and_removing_it_restores_the_default()
    {
        var admin = await app.UserAsync(AdminEmail);
        var routing = Get<RoutingAdminService>();
        var grid = await routing.GridAsync(false);
        var trees = grid.Categories.Single(c => c.Code == "cay-xanh");
        var area = grid.Areas.Single(a => a.Code == "31366");
        Assert.Equal(RoutingReason.WardDefault, grid.Cell(trees.Id, area.Id).Reason);
        var construction = grid.Units.Values.Single(u => u.Code == "SO-XD");

        var router = Get<IntakeRouter>();
        var treesCategory = (await Get<IntakeService>().FindCategoryAsync("cay-xanh", default))!;
        var areaEntity = (await Get<ReferenceDataCache>().GetAsync(default)).Areas.Single(a => a.Id == area.Id);
        Assert.Equal(RoutingReason.WardDefault, (await router.RouteToAreaAsync(treesCategory, areaEntity, default)).Reason); // cached now

        var mark = await app.LastAuditIdAsync();
        Assert.True((await routing.SetCellAsync(admin, trees.Id, area.Id, construction.Id)).Succeeded);
        // The next report routed by intake follows the new rule at once.
        var routed = await router.RouteToAreaAsync(treesCategory, areaEntity, default);
        Assert.Equal((construction.Id, RoutingReason.Rule), (routed.UnitId, routed.Reason));
        var entry = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("{\"31366\":\"default\"}", "{\"31366\":\"SO-XD\"}"), (entry.Before, entry.After));
        var cell = (await routing.GridAsync(false)).Cell(trees.Id, area.Id);
        Assert.Equal((construction.Id, RoutingReason.Rule), (cell.UnitId, cell.Reason));

        mark = await app.LastAuditIdAsync();
        Assert.True((await routing.SetCellAsync(admin, trees.Id, area.Id, null)).Succeeded);
        Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(RoutingReason.WardDefault, (await routing.GridAsync(false)).Cell(trees.Id, area.Id).Reason);

        // A whole row at once is one change, one entry.
        var food = grid.Categories.Single(c => c.Code == "an-toan-thuc-pham");
        mark = await app.LastAuditIdAsync();
        Assert.True((await routing.SetRowAsync(admin, food.Id, construction.Id)).Succeeded);
        Assert.Single(await app.AuditSinceAsync(mark));
        var after = await routing.GridAsync(false);
        Assert.All(after.Areas, a => Assert.Equal(construction.Id, after.Cell(food.Id, a.Id).UnitId));
        Assert.True((await routing.SetRowAsync(admin, food.Id, null)).Succeeded);
        Assert.Equal(RoutingReason.CategoryDefault, (await routing.GridAsync(false)).Cell(food.Id, area.Id).Reason);
    }

    [Fact]
    public async Task A_calendar_change_reaches_deadlines_at_once_and_is_audited()
    {
        var admin = await app.UserAsync(AdminEmail);
        var calendar = Get<CalendarAdminService>();
        var calendars = Get<CalendarService>();
        var day = new DateOnly(2027, 6, 15); // an ordinary Tuesday
        Assert.True((await calendars.GetAsync()).IsWorkingDay(day));

        var mark = await app.LastAuditIdAsync();
        Assert.True((await calendar.SaveAsync(admin, day, CalendarDayKind.Holiday, "Nghỉ lễ kiểm thử")).Succeeded);
        var added = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal(("calendar.add", "2027-06-15"), (added.Action, added.EntityId));
        Assert.False((await calendars.GetAsync()).IsWorkingDay(day));

        Assert.Equal("Calendar.MakeUpOnWeekday", (await calendar.SaveAsync(admin, day, CalendarDayKind.MakeUpWorkingDay, "x")).MessageKey);

        mark = await app.LastAuditIdAsync();
        Assert.True((await calendar.RemoveAsync(admin, day)).Succeeded);
        var removed = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Contains("Holiday", removed.Before, StringComparison.Ordinal);
        Assert.True((await calendars.GetAsync()).IsWorkingDay(day));
    }

    [Fact]
    public async Task Users_are_created_changed_locked_and_reset_with_a_new_security_stamp_and_one_entry_each()
    {
        var admin = await app.UserAsync(AdminEmail);
        var users = Get<UserAdminService>();
        int vithanh;
        await using (var db = app.CreateDbContext())
        {
            vithanh = await db.Units.Where(u => u.Code == "UBND-31321").Select(u => u.Id).SingleAsync();
        }

        var form = new UserForm { Email = "moi.vithanh@haugiang.demo", DisplayName = "Cán bộ Mới", Roles = [Roles.Officer], UnitId = vithanh, Password = "ngan" };
        Assert.Equal("User.PasswordTooShort", (await users.CreateAsync(admin, form)).MessageKey);
        form.Password = "mat-khau-du-dai-2026";
        var mark = await app.LastAuditIdAsync();
        Assert.True((await users.CreateAsync(admin, form)).Succeeded);
        Assert.Equal("user.create", Assert.Single(await app.AuditSinceAsync(mark)).Action);
        Assert.Equal("User.EmailTaken", (await users.CreateAsync(admin, form)).MessageKey);

        var row = (await users.ListAsync(new UserFilter("moi.vithanh"), false)).Single();
        var stamp = await StampAsync(row.Id);
        mark = await app.LastAuditIdAsync();
        var edit = new UserForm { Id = row.Id, Email = row.Email, DisplayName = row.DisplayName, Roles = [Roles.Officer, Roles.DepartmentHead], UnitId = vithanh };
        Assert.True((await users.UpdateAsync(admin, edit)).Succeeded);
        var changed = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.Equal("user.change-access", changed.Action);
        Assert.Contains("[\"Officer\"]", changed.Before, StringComparison.Ordinal);
        Assert.Contains("[\"Officer\",\"DepartmentHead\"]", changed.After, StringComparison.Ordinal);
        Assert.NotEqual(stamp, stamp = await StampAsync(row.Id));

        mark = await app.LastAuditIdAsync();
        Assert.True((await users.SetDisabledAsync(admin, row.Id, true)).Succeeded);
        Assert.Equal("user.lock", Assert.Single(await app.AuditSinceAsync(mark)).Action);
        Assert.NotEqual(stamp, stamp = await StampAsync(row.Id));
        Assert.True((await users.ListAsync(new UserFilter("moi.vithanh"), false)).Single().IsDisabled);

        mark = await app.LastAuditIdAsync();
        Assert.True((await users.SetDisabledAsync(admin, row.Id, false)).Succeeded);
        Assert.Equal("user.unlock", Assert.Single(await app.AuditSinceAsync(mark)).Action);

        mark = await app.LastAuditIdAsync();
        Assert.Equal("User.PasswordTooShort", (await users.ResetPasswordAsync(admin, row.Id, "123")).MessageKey);
        Assert.True((await users.ResetPasswordAsync(admin, row.Id, "mat-khau-moi-hon-10")).Succeeded);
        var reset = Assert.Single(await app.AuditSinceAsync(mark));
        Assert.DoesNotContain("mat-khau-moi", reset.After + reset.Before, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await manager.CheckPasswordAsync((await manager.FindByIdAsync(row.Id))!, "mat-khau-moi-hon-10"));

        // An admin cannot lock themselves out nor drop their own admin role.
        Assert.Equal("User.NotYourself", (await users.SetDisabledAsync(admin, admin.Id, true)).MessageKey);
        Assert.Equal("User.KeepOwnAdmin", (await users.UpdateAsync(admin, new UserForm { Id = admin.Id, DisplayName = "x", Roles = [Roles.Coordinator] })).MessageKey);
    }

    [Fact]
    public async Task The_audit_log_filters_by_action_user_and_text_newest_first()
    {
        var admin = await app.UserAsync(AdminEmail);
        var areas = await Get<OrganisationAdminService>().AreasAsync();
        var area = areas.Single(a => a.Code == "31396");
        Assert.True((await Get<OrganisationAdminService>().SaveAreaAsync(admin, new AreaForm(area.Id, area.Name, 9.7412, 105.7013))).Succeeded);

        var log = Get<AuditLogService>();
        var page = await log.PageAsync(new AuditFilter(Action: "area.update", Text: "31396"), null);
        var row = Assert.Single(page.Rows);
        Assert.Equal("Quản trị hệ thống", row.UserName);
        Assert.Contains("9.74", row.Before, StringComparison.Ordinal);
        Assert.Contains("9.7412", row.After, StringComparison.Ordinal);
        Assert.Empty((await log.PageAsync(new AuditFilter(Action: "area.update", User: "Không Có Ai"), null)).Rows);
        Assert.Contains("area.update", await log.ActionsAsync());
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }
}
