using System.Diagnostics;
using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QueueBench;

/// <summary>
/// Fills a freshly migrated database (reference data already seeded by the app's own initializer) with officers
/// and N generated reports. Reports go in with raw ADO.NET: one transaction, one prepared INSERT, the Reports and
/// ReportEvents indexes dropped during the load and recreated from their own DDL afterwards, then ANALYZE.
/// </summary>
/// <remarks>
/// The data follows the demo seeder's shape at scale: category and area weights, routing by the real
/// <see cref="Router"/> (with a few escalations and re-routings), deadlines from the real <see cref="WorkingCalendar"/>,
/// about 10% open (recent ones, plus a backlog that is overdue), the rest resolved, closed or rejected.
/// Deterministic for a given seed and "now".
/// </remarks>
internal sealed class ReportLoader(IServiceProvider services, BenchOptions options, DateTime now)
{
    private readonly Random _random = new(options.Seed);

    public async Task LoadAsync(CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var reference = await LoadReferenceAsync(ct);
        var officers = await CreateOfficersAsync(reference.Units);
        var apiClientId = await CreateApiClientAsync(ct);
        Console.WriteLine($"  reference data and {officers.Values.Sum(o => o.Count)} officers: {total.Elapsed.TotalSeconds:0.0} s");

        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.Database, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-524288;", ct);

        var indexes = await DropIndexesAsync(connection, ct);
        var step = Stopwatch.StartNew();
        await InsertAsync(connection, reference, officers, apiClientId, ct);
        Console.WriteLine($"  inserted {options.Reports:N0} reports{(options.Events ? " and their Received events" : "")}: {step.Elapsed.TotalSeconds:0.0} s");

        step.Restart();
        foreach (var sql in indexes)
        {
            await ExecuteAsync(connection, sql, ct);
        }

        Console.WriteLine($"  recreated {indexes.Count} indexes: {step.Elapsed.TotalSeconds:0.0} s");

        step.Restart();
        await ExecuteAsync(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", ct);

        // Marks the load as complete and remembers its "now" (Unix minutes), so that a later run can reuse the file.
        await ExecuteAsync(connection, $"PRAGMA user_version={BenchDatabase.ToUserVersion(now)};", ct);
        Console.WriteLine($"  ANALYZE and checkpoint: {step.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  load total: {total.Elapsed.TotalSeconds:0.0} s");
    }

    private sealed record Reference(
        List<Unit> Units,
        List<Area> Areas,
        List<Category> Categories,
        List<RoutingRule> Rules,
        WorkingCalendar Calendar);

    private async Task<Reference> LoadReferenceAsync(CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        return new Reference(
            await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct),
            await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct),
            await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct),
            await db.RoutingRules.AsNoTracking().ToListAsync(ct),
            new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct)));
    }

    /// <summary>Officers for every unit (more in the two town wards and the departments), a head each, two coordinators.</summary>
    private async Task<Dictionary<int, List<string>>> CreateOfficersAsync(List<Unit> units)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var officers = new Dictionary<int, List<string>>();
        var n = 0;

        async Task<string> Create(Unit unit, string role)
        {
            n++;
            var email = $"bench{n:000}.{unit.Code.ToLowerInvariant()}@haugiang.bench";
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = Pick(Texts.FamilyNames) + " " + Pick(Texts.GivenNames),
                UnitId = unit.Id,
            };
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRoleAsync(user, role), email);
            return user.Id;
        }

        foreach (var unit in units)
        {
            if (unit.Kind == UnitKind.Province)
            {
                await Create(unit, Roles.Coordinator);
                await Create(unit, Roles.Coordinator);
                continue;
            }

            var count = unit.Code is "UBND-31321" or "UBND-31340" ? 4 : unit.Kind is UnitKind.Department or UnitKind.Ward ? 3 : 2;
            var list = officers[unit.Id] = [];
            for (var i = 0; i < count; i++)
            {
                list.Add(await Create(unit, Roles.Officer));
            }

            await Create(unit, Roles.DepartmentHead);
        }

        return officers;

        static void Check(IdentityResult result, string email)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    private async Task<int> CreateApiClientAsync(CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var client = new ApiClient { Name = "Ứng dụng công dân (bench)", KeyHash = new string('0', 64), KeyPrefix = "bench", CreatedAt = now.AddDays(-options.Days - 1) };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return client.Id;
    }

    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Reports', 'ReportEvents') AND sql IS NOT NULL ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\";", ct);
        }

        return [.. indexes.Select(i => i.Sql + ";")];
    }

    private async Task InsertAsync(SqliteConnection connection, Reference reference, Dictionary<int, List<string>> officers, int apiClientId, CancellationToken ct)
    {
        var received = ReceivedTimes();
        var province = reference.Units.Single(u => u.Kind == UnitKind.Province);
        var departments = reference.Units.Where(u => u.Kind == UnitKind.Department).ToList();
        var wardUnitByArea = reference.Units.Where(u => u.AreaId is not null).ToDictionary(u => u.AreaId!.Value, u => u.Id);
        var categoryWeights = reference.Categories.Select(c => Texts.CategoryWeight(c.Code)).ToArray();
        var areaWeights = reference.Areas.Select(a => a.Code is "31321" or "31340" ? 12 : a.Kind == AreaKind.Ward ? 4 : 1).ToArray();
        var sequence = new Dictionary<int, int>();

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Reports" ("Id", "Code", "Description", "CategoryId", "Latitude", "Longitude", "Address", "AreaId", "UnitId",
                "AssignedOfficerId", "State", "Priority", "Source", "ReceivedAt", "DueAt", "FirstActionAt", "ResolvedAt", "ClosedAt",
                "IsPublic", "DuplicateOfId", "RejectReason", "ExtensionRequestedUntil", "Rating", "RatedAt", "ApiClientId", "Version", "SearchText")
            VALUES ($id, $code, $description, $category, $lat, $lon, $address, $area, $unit,
                $officer, $state, $priority, $source, $received, $due, $firstAction, $resolved, $closed,
                $public, $duplicateOf, $rejectReason, $extension, $rating, $ratedAt, $apiClient, $version, $search)
            """;
        var p = new Dictionary<string, SqliteParameter>(StringComparer.Ordinal);
        foreach (var name in new[]
        {
            "id", "code", "description", "category", "lat", "lon", "address", "area", "unit", "officer", "state", "priority", "source",
            "received", "due", "firstAction", "resolved", "closed", "public", "duplicateOf", "rejectReason", "extension", "rating", "ratedAt", "apiClient", "version", "search",
        })
        {
            // No SqliteType: each value binds as its own type (DateTime as EF Core's "yyyy-MM-dd HH:mm:ss.FFFFFFF" text).
            p[name] = insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + name });
        }

        await using var insertEvent = connection.CreateCommand();
        insertEvent.Transaction = transaction;
        insertEvent.CommandText = """
            INSERT INTO "ReportEvents" ("ReportId", "At", "Type", "ActorId", "ActorName", "FromState", "ToState", "FromUnitId", "ToUnitId", "Note", "Visibility")
            VALUES ($report, $at, 0, NULL, $actor, NULL, 0, NULL, $toUnit, NULL, 1)
            """;
        var eReport = insertEvent.Parameters.Add("$report", SqliteType.Integer);
        var eAt = insertEvent.Parameters.Add("$at", SqliteType.Text);
        var eToUnit = insertEvent.Parameters.Add("$toUnit", SqliteType.Integer);
        insertEvent.Parameters.AddWithValue("$actor", Actor.System.Name);

        insert.Prepare();
        insertEvent.Prepare();

        for (var i = 0; i < received.Length; i++)
        {
            var id = i + 1L;
            var at = received[i];
            var category = reference.Categories[PickWeighted(categoryWeights)];
            Area? area = _random.NextDouble() < 0.004 ? null : reference.Areas[PickWeighted(areaWeights)];
            int? wardUnit = area is not null && wardUnitByArea.TryGetValue(area.Id, out var w) ? w : null;
            var routedTo = Router.Route(category, area?.Id, reference.Rules, wardUnit).UnitId;
            var unitId = routedTo;

            var move = _random.NextDouble();
            if (unitId is not null && move < 0.015)
            {
                unitId = province.Id; // escalated to the city
            }
            else if (unitId is not null && move < 0.03)
            {
                // returned by the unit, routed by the coordinators to a department
                unitId = (category.DefaultUnitId is { } d && d != unitId ? d : departments[_random.Next(departments.Count)].Id);
            }

            var due = reference.Calendar.DueAtUtc(at, category.HandlingDays);
            if (_random.NextDouble() < 0.02)
            {
                due = reference.Calendar.DueAtUtc(due, 3); // an approved extension
            }

            var age = now - at;
            var open = due > now ? _random.NextDouble() < 0.85 : _random.NextDouble() < (age < TimeSpan.FromDays(90) ? 0.12 : 0.06);
            ReportState state;
            if (open)
            {
                var newChance = age < TimeSpan.FromHours(4) ? 0.8 : 0.2;
                state = _random.NextDouble() < newChance ? ReportState.New : ReportState.InProgress;
            }
            else
            {
                var roll = _random.NextDouble();
                state = roll < 0.05 ? ReportState.Rejected : roll < 0.45 ? ReportState.Resolved : ReportState.Closed;
            }

            DateTime? firstAction = state == ReportState.New ? null : Before(at + Hours(Exp(5)));
            DateTime? resolved = null;
            DateTime? closed = null;
            if (state is ReportState.Resolved or ReportState.Closed)
            {
                var span = due - at;
                var took = _random.NextDouble() < 0.86 ? span * (0.2 + (0.75 * _random.NextDouble())) : span * (1.1 + _random.NextDouble());
                resolved = Before(at + took);
                if (resolved < firstAction)
                {
                    firstAction = resolved;
                }

                if (state == ReportState.Closed)
                {
                    closed = Before(resolved.Value + Hours(Exp(20)));
                }
            }

            if (state == ReportState.Rejected)
            {
                closed = firstAction; // rejecting is the first action, and closes the report (ReportHandling.Reject)
            }

            RejectReason? rejectReason = state == ReportState.Rejected ? (RejectReason)_random.Next(0, 4) : null;
            long? duplicateOf = rejectReason == RejectReason.Duplicate && id > 1 ? Math.Max(1, id - 1 - _random.Next(500)) : null;
            string? officer = state is not (ReportState.New or ReportState.Rejected) && unitId is { } u
                && officers.TryGetValue(u, out var staff) && _random.NextDouble() < 0.65 ? staff[_random.Next(staff.Count)] : null;
            DateTime? extension = state == ReportState.InProgress && _random.NextDouble() < 0.04 ? reference.Calendar.DueAtUtc(due, 3) : null;
            CitizenRating? rating = state == ReportState.Closed && _random.NextDouble() < 0.55
                ? (_random.NextDouble() < 0.78 ? CitizenRating.Satisfied : CitizenRating.Acceptable) : null;
            var sourceRoll = _random.NextDouble();
            var source = sourceRoll < 0.85 ? ReportSource.CitizenApp : sourceRoll < 0.95 ? ReportSource.Hotline : ReportSource.Open311;
            var priority = category.HandlingDays <= 1 && _random.NextDouble() < 0.5 ? ReportPriority.Urgent
                : _random.NextDouble() < 0.1 ? ReportPriority.High : ReportPriority.Normal;
            var (lat, lon) = Scatter(area);
            var street = Pick(Texts.Streets);
            var year = WorkingCalendar.ToLocal(at).Year;
            var seq = sequence[year] = sequence.GetValueOrDefault(year) + 1;

            p["id"].Value = id;
            var code = string.Create(CultureInfo.InvariantCulture, $"HG-{year}-{seq:0000000}");
            var description = Describe(category.Code, street);
            var address = _random.NextDouble() < 0.92 ? street + ", " + (area?.Name ?? "Cần Thơ") : null;
            p["code"].Value = code;
            p["description"].Value = description;
            p["category"].Value = category.Id;
            p["lat"].Value = lat;
            p["lon"].Value = lon;
            p["address"].Value = (object?)address ?? DBNull.Value;
            p["search"].Value = SearchText.Of(code, description, address); // the app computes it on save; raw SQL must too
            p["area"].Value = (object?)area?.Id ?? DBNull.Value;
            p["unit"].Value = (object?)unitId ?? DBNull.Value;
            p["officer"].Value = (object?)officer ?? DBNull.Value;
            p["state"].Value = (int)state;
            p["priority"].Value = (int)priority;
            p["source"].Value = (int)source;
            p["received"].Value = at;
            p["due"].Value = due;
            p["firstAction"].Value = (object?)firstAction ?? DBNull.Value;
            p["resolved"].Value = (object?)resolved ?? DBNull.Value;
            p["closed"].Value = (object?)closed ?? DBNull.Value;
            p["public"].Value = _random.NextDouble() < 0.9 ? 1 : 0;
            p["duplicateOf"].Value = (object?)duplicateOf ?? DBNull.Value;
            p["rejectReason"].Value = rejectReason is { } rr ? (int)rr : DBNull.Value;
            p["extension"].Value = (object?)extension ?? DBNull.Value;
            p["rating"].Value = rating is { } rt ? (int)rt : DBNull.Value;
            p["ratedAt"].Value = rating is not null && closed is { } c ? c.AddSeconds(-1) : DBNull.Value; // a good rating closes the report
            p["apiClient"].Value = source == ReportSource.Open311 ? apiClientId : DBNull.Value;
            p["version"].Value = state == ReportState.New ? 0 : 1 + _random.Next(1, 6);
            await insert.ExecuteNonQueryAsync(ct);

            if (options.Events)
            {
                eReport.Value = id;
                eAt.Value = at;
                eToUnit.Value = (object?)routedTo ?? DBNull.Value;
                await insertEvent.ExecuteNonQueryAsync(ct);
            }

            if ((i + 1) % 250_000 == 0)
            {
                Console.WriteLine($"    {i + 1:N0}…");
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Receipt times over the last <c>Days</c> days, denser recently, in office-ish hours, ascending.</summary>
    private DateTime[] ReceivedTimes()
    {
        var times = new DateTime[options.Reports];
        for (var i = 0; i < times.Length; i++)
        {
            var t = now - TimeSpan.FromDays(options.Days * Math.Pow(_random.NextDouble(), 1.15));
            var local = WorkingCalendar.ToLocal(t).Date.AddHours(6 + _random.Next(16)).AddMinutes(_random.Next(60)).AddSeconds(_random.Next(60));
            var shifted = WorkingCalendar.FromLocal(local);
            times[i] = shifted < now ? shifted : now.AddSeconds(-_random.Next(60, 4 * 3600));
        }

        Array.Sort(times);
        return times;
    }

    private DateTime Before(DateTime t) => t < now ? t : now.AddMinutes(-1);

    private static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);

    private double Exp(double meanHours) => -meanHours * Math.Log(1 - _random.NextDouble());

    private int PickWeighted(int[] weights)
    {
        var x = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private (double Lat, double Lon) Scatter(Area? area)
    {
        double Gauss() => (_random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5) / 1.5;
        var (lat, lon) = area is null ? (10.05, 105.75) : (area.CenterLatitude, area.CenterLongitude);
        return (Math.Round(lat + (Gauss() * 0.012), 6), Math.Round(lon + (Gauss() * 0.012), 6));
    }

    private string Describe(string categoryCode, string street)
    {
        var texts = Texts.Descriptions.TryGetValue(categoryCode, out var t) ? t : Texts.Descriptions["khac"];
        var text = Pick(texts).Replace("{street}", street, StringComparison.Ordinal);
        return _random.NextDouble() < 0.5 ? text + " " + Pick(Texts.Endings) : text;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
