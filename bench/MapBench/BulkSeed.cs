using System.Globalization;
using HauGiang.Portal.Domain;
using Microsoft.Data.Sqlite;

namespace MapBench;

/// <summary>
/// Fills a database that the app has already created (schema, reference data, demo accounts) up to N reports with one
/// raw-SQL bulk insert: points scattered around the 28 area centres, every state, about 10% overdue. Far faster than
/// the demo seeder, which builds full timelines through EF; these reports have no timeline, which the map never reads.
/// </summary>
public static class BulkSeed
{
    public sealed record Result(int Inserted, int Total, int Overdue, TimeSpan Took);

    public static async Task<Result> FillAsync(string databasePath, int totalReports, int randomSeed = 4)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await db.OpenAsync();

        var existing = Convert.ToInt32(await Scalar(db, "SELECT COUNT(*) FROM Reports"), CultureInfo.InvariantCulture);
        var toInsert = Math.Max(0, totalReports - existing);

        var areas = new List<(int Id, double Lat, double Lon, int Kind, string Code)>();
        await using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT Id, CenterLatitude, CenterLongitude, Kind, Code FROM Areas ORDER BY Id";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                areas.Add((r.GetInt32(0), r.GetDouble(1), r.GetDouble(2), r.GetInt32(3), r.GetString(4)));
            }
        }

        var wardUnitByArea = new Dictionary<int, int>();
        var departments = new List<int>();
        await using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT Id, AreaId, Kind FROM Units";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                if (!r.IsDBNull(1))
                {
                    wardUnitByArea[r.GetInt32(1)] = r.GetInt32(0);
                }
                else if (r.GetInt32(2) == (int)UnitKind.Department)
                {
                    departments.Add(r.GetInt32(0));
                }
            }
        }

        var categories = new List<(int Id, int Days)>();
        await using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT Id, HandlingDays FROM Categories";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                categories.Add((r.GetInt32(0), r.GetInt32(1)));
            }
        }

        if (areas.Count == 0 || categories.Count == 0)
        {
            throw new InvalidOperationException("The database has no reference data: start the app on it first.");
        }

        // Towns get more reports than rural communes, Vị Thanh and Ngã Bảy most of all (as the demo seeder does).
        var weights = areas.Select(a => a.Code is "31321" or "31340" ? 12 : a.Kind == (int)AreaKind.Ward ? 4 : 1).ToArray();
        var totalWeight = weights.Sum();
        var random = new Random(randomSeed);
        var now = DateTime.UtcNow;
        var overdue = 0;

        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        await using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Reports (Code, Description, CategoryId, Latitude, Longitude, Address, AreaId, UnitId, AssignedOfficerId,
                State, Priority, Source, ReceivedAt, DueAt, FirstActionAt, ResolvedAt, ClosedAt, IsPublic, DuplicateOfId,
                RejectReason, ExtensionRequestedUntil, Rating, ApiClientId, Version)
            VALUES ($code, $desc, $cat, $lat, $lon, NULL, $area, $unit, NULL,
                $state, $prio, $source, $received, $due, $first, $resolved, $closed, 1, NULL,
                $reject, NULL, NULL, NULL, 0)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "code", "desc", "cat", "lat", "lon", "area", "unit", "state", "prio", "source", "received", "due", "first", "resolved", "closed", "reject" })
        {
            p[name] = insert.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        insert.Prepare();
        double Gauss() => (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) / 1.5;

        for (var i = 0; i < toInsert; i++)
        {
            var x = random.Next(totalWeight);
            var ai = 0;
            while ((x -= weights[ai]) >= 0)
            {
                ai++;
            }

            var area = areas[ai];
            var category = categories[random.Next(categories.Count)];
            var received = now - TimeSpan.FromDays(90 * random.NextDouble()) - TimeSpan.FromHours(1);

            // State mix: ~10% open and overdue, ~25% open within the deadline, the rest finished.
            var roll = random.NextDouble();
            ReportState state;
            DateTime due;
            DateTime? first = null, resolved = null, closed = null;
            int? reject = null;
            if (roll < 0.10)
            {
                state = random.NextDouble() < 0.35 ? ReportState.New : ReportState.InProgress;
                due = now - TimeSpan.FromHours(1 + (random.NextDouble() * 24 * 20));
                received = Min(received, due - TimeSpan.FromDays(category.Days));
                overdue++;
            }
            else if (roll < 0.35)
            {
                state = random.NextDouble() < 0.35 ? ReportState.New : ReportState.InProgress;
                due = now + TimeSpan.FromHours(1 + (random.NextDouble() * 24 * 10));
                received = Min(now - TimeSpan.FromHours(1), due - TimeSpan.FromDays(category.Days));
            }
            else
            {
                state = roll < 0.80 ? ReportState.Resolved : roll < 0.93 ? ReportState.Closed : ReportState.Rejected;
                due = received + TimeSpan.FromDays(category.Days);
                resolved = received + TimeSpan.FromHours(2 + (random.NextDouble() * 24 * category.Days));
                closed = state == ReportState.Closed ? resolved + TimeSpan.FromDays(2) : null;
                reject = state == ReportState.Rejected ? 1 : null;
                if (state == ReportState.Rejected)
                {
                    resolved = null;
                }
            }

            if (state != ReportState.New)
            {
                first = received + TimeSpan.FromHours(1 + random.NextDouble() * 4);
            }

            var unitRoll = random.NextDouble();
            int? unit = unitRoll < 0.90 && wardUnitByArea.TryGetValue(area.Id, out var ward) ? ward
                : unitRoll < 0.96 && departments.Count > 0 ? departments[random.Next(departments.Count)]
                : state is ReportState.New ? null : wardUnitByArea.GetValueOrDefault(area.Id);

            p["code"].Value = Report.FormatCode(received.Year, 500_000 + i);
            p["desc"].Value = "Phản ánh mẫu cho đo hiệu năng bản đồ số " + i.ToString(CultureInfo.InvariantCulture);
            p["cat"].Value = category.Id;
            p["lat"].Value = Math.Round(area.Lat + (Gauss() * 0.012), 6);
            p["lon"].Value = Math.Round(area.Lon + (Gauss() * 0.012), 6);
            p["area"].Value = area.Id;
            p["unit"].Value = (object?)unit ?? DBNull.Value;
            p["state"].Value = (int)state;
            p["prio"].Value = random.NextDouble() < 0.1 ? (int)ReportPriority.High : (int)ReportPriority.Normal;
            p["source"].Value = random.NextDouble() < 0.85 ? (int)ReportSource.CitizenApp : (int)ReportSource.Hotline;
            p["received"].Value = received;
            p["due"].Value = due;
            p["first"].Value = (object?)first ?? DBNull.Value;
            p["resolved"].Value = (object?)resolved ?? DBNull.Value;
            p["closed"].Value = (object?)closed ?? DBNull.Value;
            p["reject"].Value = (object?)reject ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        var total = Convert.ToInt32(await Scalar(db, "SELECT COUNT(*) FROM Reports"), CultureInfo.InvariantCulture);
        return new Result(toInsert, total, overdue, started.Elapsed);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static async Task<object?> Scalar(SqliteConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
