using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Data.Seed;

/// <summary>Runs at start: migrate, switch SQLite to WAL, seed reference data, roles and (if enabled) the demo.</summary>
internal sealed class DatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IOptions<DemoOptions> demo,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits: the queue stays responsive during bursts.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await db.Database.MigrateAsync(ct);
        await FillSearchTextAsync(db, logger, ct);

        // Reports stored before the dashboard's counters existed (an upgrade) are counted once (decision 019).
        if (!await db.DashboardCounters.AnyAsync(ct) && await db.Reports.AnyAsync(r => !r.IsTest, ct))
        {
            logger.LogInformation("Dashboard counters built: {Rows} rows at three grains", await DashboardCounterStore.RebuildAsync(db, ct));
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.Areas.AnyAsync(ct))
        {
            await SeedReferenceDataAsync(ct);
        }

        if (demo.Value.Seed && !await db.Reports.AnyAsync(ct))
        {
            if (string.IsNullOrEmpty(demo.Value.Password))
            {
                throw new InvalidOperationException("Demo:Seed is on but Demo:Password is empty.");
            }

            logger.LogInformation("Seeding demo data ({Count} reports)…", demo.Value.Reports);
            await new DemoSeeder(db, users, demo.Value, clock).SeedAsync(ct);
        }

        await EnsureBootstrapAdminAsync();
    }

    /// <summary>
    /// Reports stored before the search column existed get their folded text (a .NET function, so not in the
    /// migration's SQL). Nothing to do on every later start.
    /// </summary>
    internal static async Task FillSearchTextAsync(PortalDbContext db, ILogger logger, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Reports.Where(r => EF.Property<string>(r, nameof(Report.SearchText)) == "").OrderBy(r => r.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var report in batch)
            {
                // The property is computed; tell EF Core to write it although the loaded value "changed" by itself.
                db.Entry(report).Property(r => r.SearchText).IsModified = true;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation("Search text filled for {Count} reports", batch.Count);
        }
    }

    private async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        var province = new Unit { Code = ReferenceData.ProvinceCode, Name = "UBND thành phố Cần Thơ", NameEn = "Can Tho City People's Committee", Kind = UnitKind.Province };
        db.Units.Add(province);
        foreach (var (code, name, nameEn) in ReferenceData.Departments)
        {
            db.Units.Add(new Unit { Code = code, Name = name, NameEn = nameEn, Kind = UnitKind.Department, Parent = province });
        }

        foreach (var row in ReferenceData.Areas)
        {
            var area = new Area { Code = row.Code, Name = row.Name, Kind = row.Kind, CenterLatitude = row.Latitude, CenterLongitude = row.Longitude, CenterIsApproximate = true };
            db.Areas.Add(area);
            db.Units.Add(new Unit
            {
                Code = ReferenceData.WardUnitCode(row.Code),
                Name = "UBND " + row.Name,
                Kind = row.Kind == AreaKind.Ward ? UnitKind.Ward : UnitKind.Commune,
                Parent = province,
                Area = area,
            });
        }

        await db.SaveChangesAsync(ct);

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var sort = 0;
        foreach (var c in ReferenceData.Categories)
        {
            db.Categories.Add(new Category
            {
                Code = c.Code,
                Group = c.Group,
                GroupEn = c.GroupEn,
                NameVi = c.NameVi,
                NameEn = c.NameEn,
                Icon = c.Icon,
                Color = c.Color,
                HandlingDays = c.Days,
                Level = c.DepartmentCode is null ? HandlingLevel.Ward : HandlingLevel.Department,
                DefaultUnitId = c.DepartmentCode is null ? null : units[c.DepartmentCode].Id,
                SortOrder = sort++,
            });
        }

        db.CalendarDays.AddRange(CalendarSeed.Days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        await db.SaveChangesAsync(ct);

        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, ct);
        var areas = await db.Areas.ToDictionaryAsync(a => a.Code, ct);
        foreach (var (category, area, unit) in ReferenceData.RoutingRules())
        {
            db.RoutingRules.Add(new RoutingRule { CategoryId = categories[category].Id, AreaId = areas[area].Id, UnitId = units[unit].Id });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A production install has no demo accounts: the first admin comes from configuration (Admin:Email and
    /// Admin:Password, e.g. environment variables), only while the database has no user at all.
    /// </summary>
    private async Task EnsureBootstrapAdminAsync()
    {
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.Users.AnyAsync())
        {
            return;
        }

        var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Quản trị hệ thống" };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
    }
}
