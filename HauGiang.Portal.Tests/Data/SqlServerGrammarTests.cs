using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Intake.Open311;
using HauGiang.Portal.Features.Push;
using HauGiang.Portal.Features.Map;
using HauGiang.Portal.Security;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using HauGiang.Portal.Tests.Infrastructure;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Export;

namespace HauGiang.Portal.Tests.Data;

/// <summary>
/// No SQL Server engine runs here, so SQL Server's own grammar (ScriptDom, at the 2019 and 2022 levels) checks what
/// the portal would send it: the idempotent migration script (and the dynamic SQL inside its EXEC blocks) and the SQL
/// EF Core writes for the queue, dashboard, export, map and Open311 reads. Grammar only: not plans, collations, index
/// use or locking (docs/deploy.md). The raw SQL in the code (TextMatch's FTS5 lookups, PRAGMAs) runs on SQLite only.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class SqlServerGrammarTests
{
    // Fixed moments: the tests never read the clock.
    private static readonly DateTime Now = new(2026, 11, 20, 3, 15, 0, DateTimeKind.Utc);
    private static readonly DateTime DueSoon = Now.AddDays(2);
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static readonly PortalUser Coordinator = new("coord-1", "Điều phối", new HashSet<string> { Roles.Coordinator }, null, null, null);
    private static readonly PortalUser Officer = new("officer-1", "Cán bộ", new HashSet<string> { Roles.Officer }, 3, "Phường 1", UnitKind.Ward);

    public static TheoryData<string, int> Statements()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Sql.Value.Keys)
        {
            data.Add(name, 150);
            data.Add(name, 160);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void SqlServer_statement_parses(string name, int level)
    {
        var errors = Parse(Sql.Value[name], level);
        Assert.True(errors.Count == 0, $"{name} at TSql{level}: {errors.Count} parse error(s):\n" + string.Join("\n", errors) + "\n---\n" + Sql.Value[name]);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(160)]
    public void SqlServer_idempotent_migration_script_parses(int level)
    {
        var script = MigrationScript.Value;
        var errors = Parse(script, level);
        Assert.True(errors.Count == 0, $"Migration script at TSql{level}: {errors.Count} parse error(s):\n" + string.Join("\n", errors));

        // EF wraps some statements of an idempotent script in EXEC(N'...'): their text is SQL too.
        var dynamic = DynamicSql(script, level);
        Assert.NotEmpty(dynamic);
        var inner = dynamic.SelectMany((sql, i) => Parse(sql, level).Select(e => $"EXEC #{i}: {e}\n{sql}")).ToList();
        Assert.True(inner.Count == 0, $"Dynamic SQL in the migration script at TSql{level}:\n" + string.Join("\n", inner));
    }

    [Theory]
    [InlineData(150)]
    [InlineData(160)]
    public void The_check_finds_errors(int level)
    {
        // The check can fail: broken T-SQL, and SQLite's syntax, are reported.
        Assert.NotEmpty(Parse("SELECT [r].[Id] FROM [Reports] AS [r] WHERE", level));
        Assert.NotEmpty(Parse("SELECT rowid AS Value FROM ReportSearch WHERE ReportSearch MATCH @p LIMIT 5001", level));
    }

    [Fact]
    public void The_statements_cover_every_path_and_the_script_every_migration()
    {
        Assert.True(Sql.Value.Count >= 60, $"only {Sql.Value.Count} statements");
        Assert.Contains(Sql.Value, s => s.Key.StartsWith("queue.text.folded", StringComparison.Ordinal) && s.Value.Contains("LIKE", StringComparison.Ordinal));
        Assert.Contains(Sql.Value, s => s.Value.StartsWith("DECLARE", StringComparison.Ordinal));
        Assert.Contains("SELECT TOP(1)", Sql.Value["queue.row"], StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", Sql.Value["queue.counts.overdue"], StringComparison.Ordinal);
        Assert.Contains("MAX(", Sql.Value["map.stamp"], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [AuditEntries]", Sql.Value["export.audit"], StringComparison.Ordinal);
        Assert.Contains("UPDATE [", Sql.Value["health.probe.update"], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [", Sql.Value["health.probe.insert"], StringComparison.Ordinal);
        Assert.Contains("sys.database_files", Sql.Value["status.size"], StringComparison.Ordinal);
        using var db = SqlServerContext();
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains(migration, MigrationScript.Value, StringComparison.Ordinal);
        }
    }

    private static List<string> Parse(string sql, int level)
    {
        TSqlParser parser = level switch
        {
            150 => new TSql150Parser(initialQuotedIdentifiers: true),
            160 => new TSql160Parser(initialQuotedIdentifiers: true),
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    private static List<string> DynamicSql(string script, int level)
    {
        var parser = level == 150 ? (TSqlParser)new TSql150Parser(true) : new TSql160Parser(true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out _);
        var visitor = new ExecStrings();
        fragment.Accept(visitor);
        return visitor.Found;
    }

    private sealed class ExecStrings : TSqlFragmentVisitor
    {
        public List<string> Found { get; } = [];

        public override void ExplicitVisit(ExecutableStringList node)
        {
            Found.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            base.ExplicitVisit(node);
        }
    }

    /// <summary>As `dotnet ef` builds it (the design-time factory): UseSqlServer, never connected.</summary>
    private static SqlServerPortalDbContext SqlServerContext() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    /// <summary>
    /// The command a terminal operator (First, Count, Max, Any) sends, which ToQueryString cannot show: the connection
    /// is never opened (the interceptor suppresses it) and the command is taken as it is about to run.
    /// </summary>
    private static string Sent(Func<PortalDbContext, object?> run)
    {
        var capture = new CaptureCommand();
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=.;Database=HauGiangPortal;Trusted_Connection=True").AddInterceptors(capture).Options);
        var sent = Assert.ThrowsAny<Exception>(() => run(db));
        return (sent as CapturedCommand ?? sent.InnerException as CapturedCommand ?? throw sent).Sql;
    }

    private sealed class CapturedCommand(string sql) : Exception("captured")
    {
        public string Sql { get; } = sql;
    }

    private sealed class CaptureCommand : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            throw new CapturedCommand(command.CommandText);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            throw new CapturedCommand(command.CommandText);

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            throw new CapturedCommand(command.CommandText);

        // The same for the async API (the dashboard counters' upkeep is async).
        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            throw new CapturedCommand(command.CommandText);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new CapturedCommand(command.CommandText);
    }

    private static readonly Lazy<string> MigrationScript = new(() =>
    {
        using var db = SqlServerContext();
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    });

    private static readonly Lazy<Dictionary<string, string>> Sql = new(Build);

    private static Dictionary<string, string> Build()
    {
        var sql = new Dictionary<string, string>(StringComparer.Ordinal);
        var db = SqlServerContext(); // kept for the lifetime of the test run: only SQL is generated
        void Add(string name, IQueryable query) => sql.Add(name, query.ToQueryString());

        // The queue: each tab, both sorts, cursors, text (code, folded words, only punctuation), every filter.
        IQueryable<Report> Tabbed(PortalUser user, ReportFilter filter) =>
            ReportQuery.ByTab(ReportQuery.Filtered(db, user, filter, string.IsNullOrWhiteSpace(filter.Text) ? null : TextMatch.Scan(filter.Text)), filter.Tab, Now, DueSoon);
        IQueryable<QueueRow> Page(PortalUser user, ReportFilter filter, QueueCursor? after = null, bool english = false, int pageSize = ReportQueryService.PageSize, bool fullText = false) =>
            ReportQueryService.PageQuery(db, Tabbed(user, filter), filter, after, english, pageSize, fullText);

        foreach (var tab in Enum.GetValues<QueueTab>())
        {
            Add($"queue.tab.{tab}", Page(Coordinator, new ReportFilter { Tab = tab }));
            Add($"queue.tab.{tab}.officer", Page(Officer, new ReportFilter { Tab = tab }));
        }

        var cursor = new QueueCursor(Now.AddDays(-3), 123_456);
        Add("queue.sort.received", Page(Coordinator, new ReportFilter { Tab = QueueTab.Open, Sort = QueueSort.Received }));
        Add("queue.sort.received.cursor", Page(Coordinator, new ReportFilter { Tab = QueueTab.Open, Sort = QueueSort.Received }, cursor));
        Add("queue.sort.deadline.cursor.from", Page(Coordinator, new ReportFilter { Tab = QueueTab.Open, From = Day }, cursor, english: true));
        Add("queue.text.code", Page(Coordinator, new ReportFilter { Tab = QueueTab.All, Text = "HG-2026-000123" }));
        Add("queue.text.folded", Page(Coordinator, new ReportFilter { Tab = QueueTab.All, Text = "Đường ngập nước" }));
        Add("queue.text.folded.officer.received.cursor", Page(Officer, new ReportFilter { Tab = QueueTab.Open, Text = "đèn đường", Sort = QueueSort.Received }, cursor));
        Add("queue.text.punctuation", Page(Coordinator, new ReportFilter { Tab = QueueTab.All, Text = "!!!" }));
        var everything = new ReportFilter
        {
            Tab = QueueTab.All, CategoryId = 4, AreaId = 7, From = Day, To = Day.AddDays(29), UnitId = 3, CategoryGroup = "Môi trường",
            AssigneeId = "officer-2", ResolvedFrom = Day, ResolvedTo = Day.AddDays(29), RatedFrom = Day, RatedTo = Day.AddDays(29),
            AssignedToMe = true, Text = "rác thải",
        };
        Add("queue.filters.all", Page(Coordinator, everything));
        Add("queue.filters.category.area.dates", Page(Coordinator, new ReportFilter { Tab = QueueTab.DueSoon, CategoryId = 4, AreaId = 7, From = Day, To = Day.AddDays(6) }));
        sql.Add("queue.row", Sent(c => ReportQueryService.RowQuery(c, Officer, 42, english: false).FirstOrDefault()));

        // Tab counts: one pass with text (the counting match), else by state plus the due-soon and overdue ranges.
        var counting = TextMatch.Scan("ngập nước").ForCounting(narrowScope: true);
        Add("queue.counts.text", ReportQueryService.StateCountsQuery(ReportQuery.Filtered(db, Officer, new ReportFilter { Text = "ngập nước" }, counting), Now, DueSoon, withDeadlines: true));
        Add("queue.counts.states", ReportQueryService.StateCountsQuery(ReportQuery.Filtered(db, Coordinator, new ReportFilter { CategoryId = 4 }), Now, DueSoon, withDeadlines: false));
        sql.Add("queue.counts.duesoon", Sent(c => ReportQuery.ByTab(ReportQuery.Filtered(c, Officer, new ReportFilter { AreaId = 7 }), QueueTab.DueSoon, Now, DueSoon).Count()));
        sql.Add("queue.counts.overdue", Sent(c => ReportQuery.ByTab(ReportQuery.Filtered(c, Coordinator, new ReportFilter()), QueueTab.Overdue, Now, DueSoon).Count()));

        // Export: the queue's pages of 1,000 with full descriptions (ReportQueryService.StreamAsync).
        Add("export.first", Page(Coordinator, everything with { Text = null }, pageSize: 1000, fullText: true));
        Add("export.next", Page(Coordinator, new ReportFilter { Tab = QueueTab.Done, Text = "ổ gà" }, cursor, pageSize: 1000, fullText: true));

        // The map: all points of a filter, and one point.
        Add("map.points", MapGeoJson.PointsQuery(Tabbed(Coordinator, new ReportFilter { Tab = QueueTab.Open, AreaId = 7 }), null, Now));
        Add("map.points.text", MapGeoJson.PointsQuery(Tabbed(Officer, new ReportFilter { Tab = QueueTab.Overdue, Text = "cây đổ" }), null, Now));
        Add("map.point", MapGeoJson.PointsQuery(Tabbed(Coordinator, new ReportFilter { Tab = QueueTab.Open }), 42, Now));
        sql.Add("map.stamp", Sent(c => c.Reports.Max(r => (long?)r.Id)));
        Add("map.areas", db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { id = a.Id, name = a.Name, lat = a.CenterLatitude, lon = a.CenterLongitude, boundary = a.BoundaryGeoJson }));

        // The dashboard's reference path (KpiCalculator over facts: a text search, a past month; decision 019).
        var period = new Period(Now.AddDays(-30), Now);
        Add("dashboard.facts", DashboardService.FactsQuery(db, Coordinator, new ReportFilter(), period));
        Add("dashboard.facts.filtered", DashboardService.FactsQuery(db, Officer, everything, period));
        // The live dashboard's counters and open reports (decision 019), and the counters' upkeep in the commit.
        var counters = FiguresFromCounters.CountersQuery(db, Officer, everything, [1, 2, 3], DashboardCounterGrain.Detail);
        var day = DateOnly.FromDateTime(Now);
        Add("dashboard.counters.days", FiguresFromCounters.DaysQuery(FiguresFromCounters.CountersQuery(db, Coordinator, new ReportFilter(), null, DashboardCounterGrain.Officer), day.AddDays(-90)));
        Add("dashboard.counters.days.filtered", FiguresFromCounters.DaysQuery(counters, day.AddDays(-30)));
        Add("dashboard.counters.resolved.places", FiguresFromCounters.ResolvedQuery(counters, day.AddDays(-30), day, byOfficer: false));
        Add("dashboard.counters.resolved.officers", FiguresFromCounters.ResolvedQuery(counters, day.AddDays(-30), day, byOfficer: true));
        Add("dashboard.open.groups", FiguresFromCounters.OpenGroupsQuery(ReportQuery.Filtered(db, Coordinator, new ReportFilter()).Where(r => r.State == ReportState.New), Now, Now, DueSoon));
        var row = new DashboardCounter { Grain = DashboardCounterGrain.Place, Day = day, UnitId = 3, CategoryId = 4, AreaId = 5, OfficerId = "o", Received = 1, Resolved = -1 };
        sql.Add("dashboard.counters.add", Sent(c => { DashboardCounterStore.ApplyAsync(c, [row], default).GetAwaiter().GetResult(); return null; }));
        Add("dashboard.oldest", DashboardService.OldestQuery(db, [1, 2, 3, 42], english: false));
        Add("dashboard.oldest.en", DashboardService.OldestQuery(db, [7], english: true));
        Add("dashboard.labels.categories", db.Categories.AsNoTracking());
        Add("dashboard.labels.areas", db.Areas.AsNoTracking());
        Add("dashboard.labels.units", db.Units.AsNoTracking());
        List<string> assignees = ["officer-1", "officer-2"];
        Add("dashboard.labels.officers", db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)));
        Add("dashboard.groups", db.Categories.AsNoTracking().GroupBy(c => c.Group).OrderBy(g => g.Min(c => c.SortOrder)).ThenBy(g => g.Key).Select(g => g.Key));
        Add("dashboard.units", db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Province).OrderBy(u => u.Kind).ThenBy(u => u.Name));
        Add("dashboard.calendar", db.CalendarDays.AsNoTracking());

        // Open311 GET requests: by ids, by filters, by update time (updated_after/before, its cursor), one request.
        var open311After = (Now.AddDays(-1), 9_876L);
        Add("open311.requests.ids", Open311Reads.ListQuery(db, new RequestQuery(["HG-2026-000001", "HG-2026-000002"], [], null, null, null, 2000, null)));
        Add("open311.requests.default", Open311Reads.ListQuery(db, new RequestQuery([], [], Now.AddDays(-90), Now, null, 1000, null)));
        Add("open311.requests.filters", Open311Reads.ListQuery(db, new RequestQuery([], ["ngap-nuoc", "den-duong"], Now.AddDays(-10), Now, true, 50, open311After)));
        Add("open311.requests.closed", Open311Reads.ListQuery(db, new RequestQuery([], [], Now.AddDays(-10), Now, false, 50, null)));
        Add("open311.requests.updated_after", Open311Reads.ListQuery(db, new RequestQuery([], [], null, null, null, 100, null, UpdatedAfter: Now.AddHours(-6))));
        Add("open311.requests.updated_between.cursor", Open311Reads.ListQuery(db, new RequestQuery([], ["ngap-nuoc"], null, null, true, 100, open311After, UpdatedAfter: Now.AddDays(-2), UpdatedBefore: Now)));
        Add("open311.requests.page", Open311Reads.ListQuery(db, new RequestQuery([], [], Now.AddDays(-90), Now, null, 50, null, Skip: 100)));
        Add("open311.requests.radius", Open311Reads.ListQuery(db, new RequestQuery([], [], Now.AddDays(-90), Now, null, 50, null, Area: GeoFilter.Circle(9.78, 105.47, 1500))));
        sql.Add("open311.requests.bbox.count", Sent(c => Open311Reads.CountQuery(c, new RequestQuery([], ["ngap-nuoc"], Now.AddDays(-90), Now, true, 50, null, Area: new GeoFilter(9.7, 105.4, 9.8, 105.5))).Count()));
        sql.Add("open311.requests.updated_after.count", Sent(c => Open311Reads.CountQuery(c, new RequestQuery([], [], null, null, null, 100, null, UpdatedAfter: Now.AddHours(-6))).Count()));
        sql.Add("open311.request", Sent(c => Open311Reads.GetQuery(c, "HG-2026-000123").FirstOrDefault()));
        sql.Add("open311.token", Sent(c => c.Reports.AsNoTracking().Any(r => r.Code == "HG-2026-000123")));
        Add("open311.services", db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder));
        Add("open311.updates", Open311UpdateFeed.Query(db, new UpdateQuery(Now.AddDays(-1), Now, 100, null)));
        Add("open311.updates.cursor", Open311UpdateFeed.Query(db, new UpdateQuery(Now.AddDays(-1), Now, 1000, open311After)));

        // Web Push: the devices that hear of a change, the due-soon reminders, the sender's notes of success and expiry.
        Add("push.scope.unit", PushRecipients.InScopeOf(db, 3, "officer-1"));
        Add("push.scope.coordinators", PushRecipients.InScopeOf(db, null, null));
        Add("push.heads", PushRecipients.HeadsOf(db, 3, "officer-1"));
        Add("push.assignee", PushRecipients.OfUser(db, "officer-2", 3));
        Add("push.duesoon", DueSoonPushJob.DueQuery(db, Now, DueSoon).Take(500));
        sql.Add("push.sent", Sent(c => c.PushSubscriptions.Where(s => s.Id == 7).ExecuteUpdate(u => u.SetProperty(s => s.LastSuccessAt, Now))));
        sql.Add("push.gone", Sent(c => c.PushSubscriptions.Where(s => s.Id == 7).ExecuteDelete()));

        // Writes on read paths: the export's audit entry, and the readiness probe (update, else insert).
        sql.Add("export.audit", Sent(c =>
        {
            c.AuditEntries.Add(new AuditEntry { At = Now, UserId = Coordinator.Id, UserName = Coordinator.DisplayName, Action = "report.export", EntityType = nameof(Report), After = "format=csv; rows=12" });
            return c.SaveChanges();
        }));
        sql.Add("health.probe.update", Sent(c => c.Set<DatabaseProbe>().Where(p => p.Id == 1).ExecuteUpdate(u => u.SetProperty(p => p.WrittenAt, Now))));
        sql.Add("health.probe.insert", Sent(c =>
        {
            c.Add(new DatabaseProbe { Id = 1, WrittenAt = Now });
            return c.SaveChanges();
        }));

        // Export files kept in the database for every instance (Features/Export/ExportFiles, decision 014).
        sql.Add("exportfile.insert", Sent(c =>
        {
            c.ExportFiles.Add(new ExportFileRecord { Token = "ab12", UserId = Coordinator.Id, FileName = "phan-anh.csv", ContentType = "text/csv", Length = 3, FinishedAt = Now });
            return c.SaveChanges();
        }));
        sql.Add("exportfile.chunk.insert", Sent(c =>
        {
            c.ExportFileChunks.Add(new ExportFileChunk { Token = "ab12", Index = 0, Data = [1, 2, 3] });
            return c.SaveChanges();
        }));
        sql.Add("exportfile.complete", Sent(c => c.ExportFiles.Where(f => f.Token == "ab12").ExecuteUpdate(u => u.SetProperty(f => f.Complete, true))));
        sql.Add("exportfile.find", Sent(c => c.ExportFiles.AsNoTracking().FirstOrDefault(f => f.Token == "ab12" && f.UserId == Coordinator.Id && f.Complete && f.FinishedAt > Now)));
        sql.Add("exportfile.chunk", Sent(c => c.ExportFileChunks.Where(ch => ch.Token == "ab12" && ch.Index == 0).Select(ch => ch.Data).FirstOrDefault()));
        sql.Add("exportfile.sweep.chunks", Sent(c => c.ExportFileChunks.Where(ch => c.ExportFiles.Where(f => f.FinishedAt <= Now).Select(f => f.Token).Contains(ch.Token)).ExecuteDelete()));
        sql.Add("exportfile.sweep", Sent(c => c.ExportFiles.Where(f => f.FinishedAt <= Now).ExecuteDelete()));

        // The system status page's database size (raw SQL, SQL Server only), as EF wraps it for Single().
        sql.Add("status.size", Sent(c => c.Database.SqlQueryRaw<long>(HauGiang.Portal.Features.Admin.SystemStatusService.SqlServerSizeQuery).Single()));
        return sql;
    }
}
