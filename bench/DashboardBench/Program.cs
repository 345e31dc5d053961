// Dashboard and export benchmark: N generated reports in a SQLite file (the queue benchmark's loader), then the server
// time of the real DashboardService and the real export endpoints. See docs/performance.md; run with
// bench/dashboard-bench.sh.
using System.Diagnostics;
using System.Globalization;
using DashboardBench;
using HauGiang.Portal.Components.Account;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Features.Export;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Features.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QueueBench;

DashboardOptions options;
try
{
    options = DashboardOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var ct = Machine.StartRun();

// 1. Reuse the file when it already holds a finished load of the same size (and moment); otherwise start from nothing.
var (reuse, existing, now) = await BenchDatabase.ReuseOrDeleteAsync(options.Database, options.Reports, options.Fresh, options.Now);

// 2. The app's own services over that file, at the moment the data was generated for.
var builder = BenchDatabase.CreateAppBuilder(options.Database, now);
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddReportQueries();
builder.AddReports();
builder.AddDashboard();
builder.AddExport();
await using var app = builder.Build();

Console.WriteLine($"Dashboard and export benchmark · {options.Reports:N0} reports · {options.Database}");
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
    await new ReportLoader(app.Services, options.ForLoader(), now).LoadAsync(ct);
    Console.WriteLine($"loaded in {load.Elapsed.TotalSeconds:0.0} s (migrations included); file {BenchDatabase.Size(options.Database) / 1048576.0:N0} MiB");
}

// The dashboard reads counters the app keeps as reports change (decision 019); the loader writes reports as a whole,
// so they are counted once here, as the rebuild command does (a reused file keeps its counters).
if (!reuse || !await HasCountersAsync(app.Services, ct))
{
    var rebuild = Stopwatch.StartNew();
    var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    await using var db = await factory.CreateDbContextAsync(ct);
    var rows = await DashboardCounterStore.RebuildAsync(db, ct);
    Console.WriteLine($"dashboard counters rebuilt: {rows:N0} rows in {rebuild.Elapsed.TotalSeconds:0.0} s");
}

await PrintProfileAsync(app.Services, ct);
if (options.LoadOnly)
{
    return 0;
}

var users = await BenchUsers.FindAsync(app.Services, ct);
var output = new StringWriter(CultureInfo.InvariantCulture);
var failed = 0;

// 3. The dashboard, in this process (as in the app: a singleton service over a context factory).
if (options.Dashboard)
{
    var scenarios = await DashboardScenarios.BuildAsync(app.Services, users, options, ct);
    var timing = new BenchOptions { Warmup = options.Warmup, Iterations = options.Iterations };
    Console.WriteLine($"\ndashboard: {scenarios.Count} scenarios, {options.Warmup} warm-up + {options.Iterations} timed runs each; load average {Machine.LoadAverage()}…");
    var results = new List<Measurement>();
    foreach (var s in scenarios)
    {
        var m = await QueueScenarios.MeasureAsync(s, timing, ct);
        results.Add(m);
        Console.WriteLine($"  {s.Name,-58} p50 {m.P50,7:0.0}  p95 {m.P95,7:0.0} ms  (cpu {m.CpuP50,7:0.0} / {m.CpuP95,7:0.0})  {(m.Passed ? "pass" : "FAIL")}   ({m.Last})");
    }

    failed += results.Count(r => !r.Passed);
    output.WriteLine($"Dashboard load (DashboardService.GetAsync), load average at the end {Machine.LoadAverage()}:\n");
    output.Write(QueueScenarios.Table(results));
}

// 4. The exports, through HTTP against the app started as its own process (its memory is then its own).
if (options.Export)
{
    Console.WriteLine($"\nexport: load average {Machine.LoadAverage()}…");
    var results = await ExportBench.RunAsync(app.Services, users, options, now, ct);
    failed += results.Count(r => !r.Passed);
    output.WriteLine($"\nExport (GET /api/export/reports.csv|xlsx, coordinator), load average at the end {Machine.LoadAverage()}:\n");
    output.Write(ExportBench.Table(results));
}

Console.WriteLine();
Console.Write(output);
Console.WriteLine(failed == 0 ? "\nevery scenario within target." : $"\n{failed} scenario(s) missed the target.");
if (options.Output is { } file)
{
    await File.WriteAllTextAsync(file, output.ToString(), ct);
}

return failed == 0 ? 0 : 1;

static async Task<bool> HasCountersAsync(IServiceProvider services, CancellationToken ct)
{
    await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
    return await db.DashboardCounters.AnyAsync(ct);
}

static async Task PrintProfileAsync(IServiceProvider services, CancellationToken ct)
{
    var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    await using var db = await factory.CreateDbContextAsync(ct);
    var byState = await db.Reports.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync(ct);
    Console.WriteLine($"data: {byState.Sum(s => s.Count):N0} reports; " + string.Join(", ", byState.Select(s => $"{s.Key} {s.Count:N0}")));
}
