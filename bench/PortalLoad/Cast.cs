using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Security;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PortalLoad;

/// <summary>A demo account as the portal sees it (built like the claims factory does, as TestData.UserAsync does).</summary>
public sealed record Account(string Email, string Role, int? UnitId, string? UnitCode, PortalUser User);

/// <summary>An open report an officer may act on; the benchmark is its only writer, so it tracks version and state itself.</summary>
public sealed class OpenReport(long id, string code, int version, ReportState state)
{
    public long Id { get; } = id;

    public string Code { get; } = code;

    public int Version { get; set; } = version;

    public ReportState State { get; set; } = state;

    private int _busy;

    /// <summary>Claims the report for one action (false if an action on it is already in flight).</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _busy, 0);
}

/// <summary>A ward or commune: citizens report around its centre.</summary>
public sealed record AreaPoint(string Code, string Name, double Lat, double Lon);

/// <summary>
/// Who is online and what they work on: the demo accounts (officers of every unit, the coordinator, two heads), the
/// open reports of each officer's unit, the areas, and an Open311 key for the citizens' app.
/// </summary>
public sealed class Cast
{
    public const string Domain = "@haugiang.demo";
    public const string Coordinator = "dieuphoi" + Domain;
    public static readonly string[] Heads = ["truongphong.xaydung" + Domain, "lanhdao.vithanh" + Domain];

    /// <summary>The named officers first (two of Vị Thanh, one of Ngã Bảy), then the other wards' and communes', then the departments'.</summary>
    public required IReadOnlyList<Account> Officers { get; init; }

    public required Account CoordinatorAccount { get; init; }

    public required IReadOnlyList<Account> HeadAccounts { get; init; }

    /// <summary>Open reports per unit id (newest first, up to 200 a unit), received before the benchmark started.</summary>
    public required Dictionary<int, List<OpenReport>> OpenReports { get; init; }

    public required IReadOnlyList<AreaPoint> Areas { get; init; }

    public required string ApiKey { get; init; }

    public static async Task<Cast> LoadAsync(BenchApp app)
    {
        using var _ = QueryCounter.Exclude();
        await EnsureAccountsAsync(app);
        await using var db = app.CreateDbContext();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id);
        var users = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith(Domain) && !u.IsDisabled).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        Account ToAccount(ApplicationUser u)
        {
            var set = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet();
            var unit = u.UnitId is { } id ? units[id] : null;
            return new Account(u.Email!, set.FirstOrDefault() ?? "", u.UnitId, unit?.Code, new PortalUser(u.Id, u.DisplayName, set, u.UnitId, unit?.Name, unit?.Kind));
        }

        var accounts = users.Select(ToAccount).ToList();
        string[] named = ["canbo.vithanh" + Domain, "canbo2.vithanh" + Domain, "canbo.ngabay" + Domain];
        var officers = accounts.Where(a => a.Role == Roles.Officer && a.UnitId is not null)
            .OrderBy(a => Array.IndexOf(named, a.Email) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(a => units[a.UnitId!.Value].Kind is UnitKind.Ward or UnitKind.Commune ? 0 : 1)
            .ThenBy(a => a.UnitCode, StringComparer.Ordinal)
            .ThenBy(a => a.Email, StringComparer.Ordinal)
            .ToList();

        var open = new Dictionary<int, List<OpenReport>>();
        foreach (var unitId in officers.Select(o => o.UnitId!.Value).Distinct())
        {
            open[unitId] = (await db.Reports.AsNoTracking()
                    .Where(r => r.UnitId == unitId && (r.State == ReportState.New || r.State == ReportState.InProgress))
                    .OrderByDescending(r => r.ReceivedAt).Take(200)
                    .Select(r => new { r.Id, r.Code, r.Version, r.State }).ToListAsync())
                .Select(r => new OpenReport(r.Id, r.Code, r.Version, r.State)).ToList();
        }

        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new AreaPoint(a.Code, a.Name, a.CenterLatitude, a.CenterLongitude)).ToListAsync();
        var coordinator = accounts.Single(a => a.Email == Coordinator);

        // The citizens' app: one client with the highest limit the admin screen allows (20 POSTs/s is 1,200 a minute).
        var client = await app.Services.GetRequiredService<ApiClientService>()
            .CreateAsync(coordinator.User, "Tải thử toàn cổng " + Guid.NewGuid().ToString("N")[..6], "bench@example.vn", ApiClientService.MaxRequestsPerMinute);
        return new Cast
        {
            Officers = officers,
            CoordinatorAccount = coordinator,
            HeadAccounts = Heads.Select(h => accounts.Single(a => a.Email == h)).ToList(),
            OpenReports = open,
            Areas = areas,
            ApiKey = client?.Key ?? throw new InvalidOperationException("Could not create an Open311 client."),
        };
    }

    /// <summary>
    /// A reused database (e.g. the queue benchmark's, whose users are bench…@haugiang.bench without passwords) gets the
    /// demo accounts the benchmark signs in with, as the demo seed names them; on the demo seed this adds nothing.
    /// </summary>
    private static async Task EnsureAccountsAsync(BenchApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = app.CreateDbContext();
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToListAsync();
        var wanted = new List<(string Email, string Role, string UnitCode)>
        {
            (Coordinator, Roles.Coordinator, "TP-CANTHO"),
            (Heads[0], Roles.DepartmentHead, "SO-XD"),
            (Heads[1], Roles.DepartmentHead, "UBND-31321"),
            ("canbo2.vithanh" + Domain, Roles.Officer, "UBND-31321"),
        };
        foreach (var unit in units.Where(u => u.Kind != UnitKind.Province))
        {
            var local = unit.Code switch
            {
                "UBND-31321" => "vithanh",
                "UBND-31340" => "ngabay",
                "SO-XD" => "xaydung",
                _ => unit.Code.ToLowerInvariant().Replace("ubnd-", "", StringComparison.Ordinal),
            };
            wanted.Add(("canbo." + local + Domain, Roles.Officer, unit.Code));
        }

        foreach (var (email, role, unitCode) in wanted)
        {
            if (await users.FindByEmailAsync(email) is not null || units.FirstOrDefault(u => u.Code == unitCode) is not { } unit)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tải thử " + email.Split('@')[0], UnitId = unit.Id };
            var created = await users.CreateAsync(user, PortalApp.Password);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"{email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
    }
}
