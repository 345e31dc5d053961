using System.Data.Common;
using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// What the dashboard needs of one report, with the deadline already compared in SQL (overdue, due soon, resolved on
/// time) so that it is never read, and the other times as ticks (UTC). Times no figure reads are left out in SQL, as
/// each one read costs a string and a parse: the first action of reports received before the period (the median
/// is over reports received in it), and the closing time when it is not the end of the report
/// (<see cref="ReportFacts.FinishedAt"/>: open, or resolved before it was closed), and the rating's time when it is
/// before the period (satisfaction counts the ratings given in it).
/// </summary>
internal readonly record struct DashboardFact(
    long Id,
    int CategoryId,
    int? AreaId,
    int? UnitId,
    string? AssigneeId,
    ReportState State,
    long ReceivedAt,
    long? FirstActionAt,
    long? ResolvedAt,
    long? ClosedWithoutResolution,
    CitizenRating? Rating,
    long? RatedAt,
    bool Overdue,
    bool DueSoon,
    bool ResolvedOnTime)
{
    public bool IsOpen => State is ReportState.New or ReportState.InProgress;

    /// <summary>As <see cref="ReportFacts.FinishedAt"/>.</summary>
    public long? FinishedAt => IsOpen ? null : ResolvedAt ?? ClosedWithoutResolution ?? ReceivedAt;

    /// <summary>As <see cref="ReportFacts.OpenAt"/>.</summary>
    public bool OpenAt(long ticks) => ReceivedAt < ticks && (FinishedAt is not { } finished || finished >= ticks);
}

/// <summary>
/// Reads the facts of a period: the same reports as <see cref="DashboardService.LoadFactsAsync"/> (received before
/// its end, and received in it, open, or resolved/closed/rated since its start). Province-wide, in disjoint parts
/// that each follow an index, instead of one OR across columns that makes SQLite scan the whole table: the open
/// reports (State), and of the others those received in the period (ReceivedAt), received before it and resolved
/// since its start (ResolvedAt), received before it and closed since its start without such a resolution (ClosedAt),
/// or received before it and rated since its start without either (RatedAt: a rating usually closes or reopens the
/// report at once, so this part is nearly always empty, but a report can be rated and not yet reopened). The reports
/// received in the period (~240,000 in a province-wide quarter, of ~350,000 facts) are read in as many slices of time
/// as there are cores (at most four), and the parts side by side, each on its own connection (SQLite reads in
/// parallel in WAL mode), as many at once as there are cores: reading is most of the dashboard's time.
/// <para>
/// Each report comes back as three values, not one column per fact: with Microsoft.Data.Sqlite every value read
/// costs about as much as SQLite's step itself, and a DateTime read through the provider's general parse several
/// times more. So the SQL packs the ids and the flags into two integers and the times (as stored), the report's id and
/// the officer into one text, which is parsed here. EF Core writes the part's FROM and WHERE (the user's scope and
/// filter); only its select list is replaced.
/// </para>
/// </summary>
internal static partial class DashboardFacts
{
    // Ids up to 2^20 - 2 fit their 20 bits of "Keys" (with 0 for none); beyond that, the caller uses the reference path.
    private const int KeyBits = 20;
    internal const int MaxKey = (1 << KeyBits) - 2;

    // "Received before the period" compared under RTRIM (the same order for stored times, which have no trailing
    // spaces) so that SQLite cannot take the ReceivedAt index for it, which covers nearly every report, and walks the
    // resolved or closed ones since the start instead, checking the receipt in the same index
    // (IX_Reports_ResolvedAt_ReceivedAt, IX_Reports_ClosedAt_ResolvedAt_ReceivedAt).
    private const string ReceivedBeforeCollation = "RTRIM";

    private static readonly SemaphoreSlim Readers = new(Math.Max(2, Environment.ProcessorCount));

    // Flags: State in bits 0-2, overdue 3, due soon 4, resolved on time 5, rating + 1 in 6-9 (0: none). Keys: the
    // category, area + 1 and unit + 1 in KeyBits each (0: none).
    private const string RowColumns = """
        SELECT "r"."State"
            | (("r"."DueAt" < @dashboard_now) << 3)
            | (("r"."DueAt" >= @dashboard_now AND "r"."DueAt" <= @dashboard_due_soon) << 4)
            | (IFNULL("r"."ResolvedAt" <= "r"."DueAt", 0) << 5)
            | (IFNULL("r"."Rating" + 1, 0) << 6) AS "Flags",
            "r"."CategoryId" | (IFNULL("r"."AreaId" + 1, 0) << 20) | (IFNULL("r"."UnitId" + 1, 0) << 40) AS "Keys",
            "r"."Id" || '|' || "r"."ReceivedAt"
            || '|' || IFNULL(CASE WHEN "r"."ReceivedAt" >= @dashboard_from AND "r"."ReceivedAt" < @dashboard_to THEN "r"."FirstActionAt" END, '')
            || '|' || IFNULL("r"."ResolvedAt", '')
            || '|' || IFNULL(CASE WHEN "r"."State" NOT IN (0, 1) AND "r"."ResolvedAt" IS NULL THEN "r"."ClosedAt" END, '')
            || '|' || IFNULL(CASE WHEN "r"."RatedAt" >= @dashboard_from THEN "r"."RatedAt" END, '')
            || '|' || IFNULL("r"."AssignedOfficerId", '') AS "Times"
        """;

    [System.Text.RegularExpressions.GeneratedRegex("""^SELECT "r"\."Id"\s+(?=FROM "Reports" AS "r"\s)""")]
    private static partial System.Text.RegularExpressions.Regex IdSelect();

    /// <summary>
    /// The facts, or null on another provider than SQLite or if EF Core wrote a query of another shape than expected
    /// (then the caller uses the reference path).
    /// </summary>
    /// <param name="dbFactory">For the parts' own connections: they are read at once, each on one (see the class).</param>
    public static async Task<List<DashboardFact>?> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, PortalDbContext db, PortalUser user, ReportFilter filter, Period period, DateTime now, DateTime dueSoonLimit, CancellationToken ct)
    {
        // The packed select list below is SQLite's SQL; other providers read their native types fast enough.
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        if (await db.Categories.MaxAsync(c => (int?)c.Id, ct) > MaxKey || await db.Areas.MaxAsync(a => (int?)a.Id, ct) > MaxKey
            || await db.Units.MaxAsync(u => (int?)u.Id, ct) > MaxKey)
        {
            return null;
        }

        var scoped = ReportQuery.Filtered(db, user, filter with { Tab = QueueTab.All, From = null, To = null, ResolvedFrom = null, ResolvedTo = null, RatedFrom = null, RatedTo = null, CategoryGroup = null });
        if (filter.CategoryGroup is { } group)
        {
            // The group as its categories, and "+ 0" so that SQLite does not take the CategoryId index for the part's
            // (a group holds a fifth of all reports; the part's own index narrows it to the period first).
            var categories = await db.Categories.AsNoTracking().Where(c => c.Group == group).Select(c => c.Id).ToListAsync(ct);
            scoped = scoped.Where(r => categories.Contains(r.CategoryId + 0));
        }

        var from = period.FromUtc;
        var to = period.ToUtc;
        IQueryable<Report>[] parts;
        if (!user.IsProvinceWide || filter.UnitId is not null || filter.AreaId is not null || filter.CategoryId is not null
            || filter.AssigneeId is not null || filter.AssignedToMe)
        {
            // Narrowed to a unit, area, category or officer: SQLite walks that one's index (a few percent of the
            // reports) once; split, it would walk it once per part, as it prefers the equality to any time range.
            parts = [scoped.Where(r => r.ReceivedAt < to
                && (r.ReceivedAt >= from || r.State == ReportState.New || r.State == ReportState.InProgress || r.ResolvedAt >= from || r.ClosedAt >= from
                    || r.RatedAt >= from))];
        }
        else
        {
            // For the open reports, "received before the end of the period" is checked in memory: in SQL, SQLite
            // would take it for the part's index (ReceivedAt) and walk nearly every report to find the open ones.
            // The reports received in the period, the largest part (a quarter: ~240,000 of 1,000,000), come in as
            // many slices of time as there are cores (at most four), to be read side by side.
            var finished = scoped.Where(r => r.State != ReportState.New && r.State != ReportState.InProgress);
            var slices = Math.Clamp(Environment.ProcessorCount, 1, 4);
            var received = new List<IQueryable<Report>>();
            for (var i = 0; i < slices; i++)
            {
                var start = SliceStart(i);
                var end = SliceStart(i + 1);
                received.Add(finished.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end));
            }

            DateTime SliceStart(int i) => new(from.Ticks + ((to.Ticks - from.Ticks) * i / slices), DateTimeKind.Utc);

            parts =
            [
                scoped.Where(r => r.State == ReportState.New || r.State == ReportState.InProgress),
                .. received,
                finished.Where(r => r.ResolvedAt >= from && EF.Functions.Collate(r.ReceivedAt, ReceivedBeforeCollation) < from),
                finished.Where(r => r.ClosedAt >= from && (r.ResolvedAt == null || r.ResolvedAt < from) && EF.Functions.Collate(r.ReceivedAt, ReceivedBeforeCollation) < from),
                finished.Where(r => r.RatedAt >= from && (r.ResolvedAt == null || r.ResolvedAt < from) && (r.ClosedAt == null || r.ClosedAt < from)
                    && EF.Functions.Collate(r.ReceivedAt, ReceivedBeforeCollation) < from),
            ];
        }

        // EF Core writes each part's SQL on this context; each is then read on a connection of its own, all at once.
        var commands = new List<(string Sql, (string Name, object? Value)[] Parameters)>();
        foreach (var part in parts)
        {
            await using var command = part.Select(r => r.Id).CreateDbCommand();
            var select = IdSelect().Match(command.CommandText);
            if (!select.Success)
            {
                return null;
            }

            commands.Add((
                RowColumns + "\n" + command.CommandText[select.Length..],
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)),
                    ("@dashboard_now", now), ("@dashboard_due_soon", dueSoonLimit), ("@dashboard_from", from), ("@dashboard_to", to)]));
        }

        var read = await Task.WhenAll(commands.Select(c => Task.Run(() => ReadPartAsync(dbFactory, c.Sql, c.Parameters, to.Ticks, ct), ct)));
        if (read.Length == 1)
        {
            return read[0];
        }

        // Each part is read at its own moment: a report that changed between two reads (opened → resolved) can be in
        // both, and counts once.
        var facts = new List<DashboardFact>(read.Sum(r => r.Count));
        var seen = new HashSet<long>(facts.Capacity);
        foreach (var part in read)
        {
            facts.AddRange(part.Where(f => seen.Add(f.Id)));
        }

        return facts;
    }

    private static async Task<List<DashboardFact>> ReadPartAsync(IDbContextFactory<PortalDbContext> dbFactory, string sql, (string Name, object? Value)[] parameters, long toTicks, CancellationToken ct)
    {
        // Microsoft.Data.Sqlite reads synchronously under its async API: each part holds a pool thread while it reads,
        // so across all requests only as many parts are read at once as there are cores.
        await Readers.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct); // through EF, so that its connection interceptors run
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return await ReadAsync(command, toTicks, ct);
        }
        finally
        {
            Readers.Release();
        }
    }

    private static async Task<List<DashboardFact>> ReadAsync(DbCommand command, long toTicks, CancellationToken ct)
    {
        var facts = new List<DashboardFact>();

        // The officer's id once per officer, not once per report.
        var officers = new Dictionary<string, string>(StringComparer.Ordinal);
        var officerIds = officers.GetAlternateLookup<ReadOnlySpan<char>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var flags = reader.GetInt64(0);
            var keys = reader.GetInt64(1);
            var times = reader.GetString(2).AsSpan();

            var id = long.Parse(Field(ref times), CultureInfo.InvariantCulture);
            var receivedAt = ParseUtc(Field(ref times)).Ticks;
            var firstActionAt = Ticks(Field(ref times));
            var resolvedAt = Ticks(Field(ref times));
            var closedAt = Ticks(Field(ref times));
            var ratedAt = Ticks(Field(ref times));
            string? officer = null;
            if (!times.IsEmpty && !officerIds.TryGetValue(times, out officer))
            {
                officer = times.ToString();
                officers[officer] = officer;
            }

            if (receivedAt >= toTicks)
            {
                continue;
            }

            var rating = (flags >> 6) & 0b1111;
            var area = (keys >> KeyBits) & ((1 << KeyBits) - 1);
            var unit = (keys >> (2 * KeyBits)) & ((1 << KeyBits) - 1);
            facts.Add(new DashboardFact(
                id,
                (int)(keys & ((1 << KeyBits) - 1)),
                area == 0 ? null : (int)area - 1,
                unit == 0 ? null : (int)unit - 1,
                officer,
                (ReportState)(flags & 0b111),
                receivedAt,
                firstActionAt,
                resolvedAt,
                closedAt,
                rating == 0 ? null : (CitizenRating)(rating - 1),
                ratedAt,
                (flags & (1 << 3)) != 0,
                (flags & (1 << 4)) != 0,
                (flags & (1 << 5)) != 0));
        }

        return facts;
    }

    /// <summary>The text up to the next '|' (the rest, for the last field), moving past it.</summary>
    private static ReadOnlySpan<char> Field(ref ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf('|');
        var field = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[(end + 1)..];
        return field;
    }

    private static long? Ticks(ReadOnlySpan<char> text) => text.IsEmpty ? null : ParseUtc(text).Ticks;

    /// <summary>
    /// The stored text "yyyy-MM-dd HH:mm:ss[.fffffff]" as UTC, to the tick; anything else through the general parse
    /// the provider uses, so the result is always what EF Core would have read.
    /// </summary>
    internal static DateTime ParseUtc(ReadOnlySpan<char> s)
    {
        if (s.Length is >= 19 and <= 27 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':'
            && (s.Length == 19 || (s[19] == '.' && s.Length > 20))
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second)
            && Digits(s, 20, s.Length - 20, out var fraction)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            for (var i = Math.Max(s.Length - 20, 0); i < 7; i++)
            {
                fraction *= 10;
            }

            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        }

        return DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
