// Queue benchmark: N generated reports in a SQLite file, then the server time of the real ReportQueryService's pages and
// counts. See docs/performance.md; run with bench/queue-bench.sh.
using System.Diagnostics;
using System.Globalization;
using HauGiang.Portal.Components.Account;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Reports;
using HauGiang.Portal.Features.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using QueueBench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var ct = Machine.StartRun();

// 1. Reuse the file when it already holds a finished load of the same size; otherwise start from nothing.
var (reuse, existing, now) = await BenchDatabase.ReuseOrDeleteAsync(options.Database, options.Reports, options.Fresh, options.Now);

// 2. The app's own services over that file: its migrations, reference data, Identity, ReportQueryService.
var builder = BenchDatabase.CreateAppBuilder(options.Database, now);
using var sqlLog = new SqlLog();
var plans = new QueryPlans();
if (options.ShowSql)
{
    builder.Logging.AddProvider(sqlLog).AddFilter<SqlLog>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
    builder.Services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(plans));
}

builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddReportQueries();
builder.AddReports();
await using var app = builder.Build();

Console.WriteLine($"Queue benchmark · {options.Reports:N0} reports · {options.Database}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB():0.0} GiB RAM, {Machine.Os()}, .NET {Environment.Version}, SQLite {Machine.SqliteVersion()}");
Console.WriteLine($"clock (data generated at): {now:yyyy-MM-dd HH:mm} UTC");

var load = Stopwatch.StartNew();
await app.InitialiseDatabaseAsync();
if (reuse)
{
    Console.WriteLine($"reusing the existing database ({existing!.Reports:N0} reports, {existing.Bytes / 1048576.0:N0} MiB); --fresh to reload");
}
else
{
    Console.WriteLine("loading…");
    await new ReportLoader(app.Services, options, now).LoadAsync(ct);
    Console.WriteLine($"loaded in {load.Elapsed.TotalSeconds:0.0} s (migrations included); file {BenchDatabase.Size(options.Database) / 1048576.0:N0} MiB");
}

await PrintProfileAsync(app.Services, now, ct);
if (options.LoadOnly)
{
    return 0;
}

// 3. Measure.
var scenarios = await QueueScenarios.BuildAsync(app.Services, options, now, ct);
if (options.ShowSql)
{
    sqlLog.On = plans.On = true;
    foreach (var s in scenarios)
    {
        Console.WriteLine($"\n=== {s.Name}");
        if (s.Prepare is { } prepare)
        {
            Console.WriteLine("(following the cursor first, not shown)");
            sqlLog.On = plans.On = false;
            await prepare(ct);
            sqlLog.On = plans.On = true;
        }

        Console.WriteLine("→ " + await s.Run(ct));
    }

    return 0;
}

Console.WriteLine($"\nmeasuring {scenarios.Count} scenarios: {options.Warmup} warm-up + {options.Iterations} timed runs each; load average {Machine.LoadAverage()}…");
var results = new List<Measurement>();
foreach (var s in scenarios)
{
    var m = await QueueScenarios.MeasureAsync(s, options, ct);
    results.Add(m);
    Console.WriteLine($"  {s.Name,-62} p50 {m.P50,7:0.0}  p95 {m.P95,7:0.0} ms  (cpu {m.CpuP50,6:0.0} / {m.CpuP95,6:0.0})  {(m.Passed ? "pass" : "FAIL")}   ({m.Last})");
}

var table = QueueScenarios.Table(results);
Console.WriteLine();
Console.Write(table);
var failed = results.Count(r => !r.Passed);
Console.WriteLine($"\nload average at the end: {Machine.LoadAverage()}");
Console.WriteLine($"{results.Count - failed} of {results.Count} scenarios within target (page p95 < {QueueScenarios.PageTargetMs} ms, counts p95 < {QueueScenarios.CountsTargetMs} ms).");
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, table, ct);
}

return failed == 0 ? 0 : 1;

// How the generated data looks: the tabs as the coordinator and the officer see them.
static async Task PrintProfileAsync(IServiceProvider services, DateTime now, CancellationToken ct)
{
    var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    await using var db = await factory.CreateDbContextAsync(ct);
    var byState = await db.Reports.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync(ct);
    var total = byState.Sum(s => s.Count);
    var overdue = await db.Reports.CountAsync(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now, ct);
    var unit = await db.Units.Where(u => u.Code == QueueScenarios.OfficerUnit).Select(u => u.Id).SingleAsync(ct);
    var inUnit = await db.Reports.CountAsync(r => r.UnitId == unit, ct);
    var first = await db.Reports.OrderBy(r => r.ReceivedAt).Select(r => r.ReceivedAt).FirstAsync(ct);
    var last = await db.Reports.OrderByDescending(r => r.ReceivedAt).Select(r => r.ReceivedAt).FirstAsync(ct);
    Console.WriteLine($"data: {total:N0} reports received {first:yyyy-MM-dd} … {last:yyyy-MM-dd}; "
        + string.Join(", ", byState.Select(s => $"{s.Key} {s.Count:N0}")) + $"; open and overdue {overdue:N0}; {QueueScenarios.OfficerUnit} {inUnit:N0}");
}
