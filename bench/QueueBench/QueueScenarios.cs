using System.Diagnostics;
using System.Globalization;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Features.Shared;

namespace QueueBench;

/// <summary>One thing to time: a call of the real <see cref="ReportQueryService"/>, with an optional untimed preparation.</summary>
internal sealed record Scenario(string Name, double TargetMs, Func<CancellationToken, Task<string>> Run)
{
    public Func<CancellationToken, Task>? Prepare { get; init; }
}

/// <summary>Wall-clock percentiles (the verdict) and the process CPU time per call (what contention cannot inflate).</summary>
internal sealed record Measurement(Scenario Scenario, int Runs, double P50, double P95, double Max, double CpuP50, double CpuP95, string Last)
{
    public bool Passed => P95 < Scenario.TargetMs;
}

/// <summary>
/// The queue as two users see it: a ward officer of UBND-31321 (own unit only) and a coordinator (province-wide).
/// First page of every tab, a deep page reached by following the keyset cursor, filters, and the tab counts.
/// </summary>
internal static class QueueScenarios
{
    public const double PageTargetMs = 50;
    public const double CountsTargetMs = 100;
    public const string OfficerUnit = "UBND-31321";

    public static async Task<List<Scenario>> BuildAsync(IServiceProvider services, BenchOptions options, DateTime now, CancellationToken ct)
    {
        var queue = services.GetRequiredService<ReportQueryService>();
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);

        var officerUnit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == OfficerUnit, ct);
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Province, ct);
        var rubbish = await db.Categories.AsNoTracking().Where(c => c.Code == "rac-thai").Select(c => c.Id).SingleAsync(ct);
        var viThanh = await db.Areas.AsNoTracking().Where(a => a.Code == "31321").Select(a => a.Id).SingleAsync(ct);

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var officerAccount = (await users.GetUsersInRoleAsync(Roles.Officer)).Where(u => u.UnitId == officerUnit.Id).MinBy(u => u.UserName)
            ?? throw new InvalidOperationException($"No officer in {OfficerUnit}.");
        var coordinatorAccount = (await users.GetUsersInRoleAsync(Roles.Coordinator)).MinBy(u => u.UserName)
            ?? throw new InvalidOperationException("No coordinator.");
        var officer = new PortalUser(officerAccount.Id, officerAccount.DisplayName, new HashSet<string> { Roles.Officer }, officerUnit.Id, officerUnit.Name, officerUnit.Kind);
        var coordinator = new PortalUser(coordinatorAccount.Id, coordinatorAccount.DisplayName, new HashSet<string> { Roles.Coordinator }, province.Id, province.Name, province.Kind);

        // A real code from the middle of the officer's unit: "paste a code into the search box".
        var middle = await db.Reports.AsNoTracking().MaxAsync(r => r.Id, ct) / 2;
        var code = await db.Reports.AsNoTracking().Where(r => r.UnitId == officerUnit.Id && r.Id >= middle).OrderBy(r => r.Id).Select(r => r.Code).FirstAsync(ct);

        // The 30 days that ended a month ago (local dates).
        var today = DateOnly.FromDateTime(WorkingCalendar.ToLocal(now));
        var range = new ReportFilter { Tab = QueueTab.All, From = today.AddDays(-59), To = today.AddDays(-30) };

        var scenarios = new List<Scenario>();
        foreach (var (who, user) in new[] { ("officer", officer), ("coordinator", coordinator) })
        {
            foreach (var tab in Enum.GetValues<QueueTab>())
            {
                scenarios.Add(Page(queue, user, $"{who} · first page · {tab}", new ReportFilter { Tab = tab }));
            }

            scenarios.Add(Page(queue, user, $"{who} · first page · All · by received", new ReportFilter { Tab = QueueTab.All, Sort = QueueSort.Received }));
            scenarios.Add(Deep(queue, user, $"{who} · deep page · All", new ReportFilter { Tab = QueueTab.All }, options.DeepPages));
            scenarios.Add(Deep(queue, user, $"{who} · deep page · Done", new ReportFilter { Tab = QueueTab.Done }, options.DeepPages));
            scenarios.Add(Deep(queue, user, $"{who} · deep page · All · by received", new ReportFilter { Tab = QueueTab.All, Sort = QueueSort.Received }, options.DeepPages));
            scenarios.Add(Page(queue, user, $"{who} · filter · category · New", new ReportFilter { Tab = QueueTab.New, CategoryId = rubbish }));
            scenarios.Add(Page(queue, user, $"{who} · filter · category · All", new ReportFilter { Tab = QueueTab.All, CategoryId = rubbish }));
            scenarios.Add(Page(queue, user, $"{who} · filter · category · All · by received", new ReportFilter { Tab = QueueTab.All, CategoryId = rubbish, Sort = QueueSort.Received }));
            scenarios.Add(Page(queue, user, $"{who} · filter · area · All", new ReportFilter { Tab = QueueTab.All, AreaId = viThanh }));
            scenarios.Add(Page(queue, user, $"{who} · filter · 30-day range · All", range));
            scenarios.Add(Page(queue, user, $"{who} · filter · category + area + range · Done", range with { Tab = QueueTab.Done, CategoryId = rubbish, AreaId = viThanh }));
            scenarios.Add(Page(queue, user, $"{who} · filter · text \"vỉa hè\" · All", new ReportFilter { Tab = QueueTab.All, Text = "vỉa hè" }));
            scenarios.Add(Page(queue, user, $"{who} · filter · text \"via he\" (no accents) · Open", new ReportFilter { Tab = QueueTab.Open, Text = "via he" }));
            scenarios.Add(Page(queue, user, $"{who} · filter · text = a code · All", new ReportFilter { Tab = QueueTab.All, Text = code }));
            scenarios.Add(Page(queue, user, $"{who} · filter · text, no match · All", new ReportFilter { Tab = QueueTab.All, Text = "không có chữ này" }));
            scenarios.Add(Counts(queue, user, $"{who} · counts", new ReportFilter()));
            scenarios.Add(Counts(queue, user, $"{who} · counts · category", new ReportFilter { CategoryId = rubbish }));
            scenarios.Add(Counts(queue, user, $"{who} · counts · area", new ReportFilter { AreaId = viThanh }));
            scenarios.Add(Counts(queue, user, $"{who} · counts · 30-day range", range));
            scenarios.Add(Counts(queue, user, $"{who} · counts · text = a code", new ReportFilter { Text = code }));
            scenarios.Add(Counts(queue, user, $"{who} · counts · text \"vỉa hè\"", new ReportFilter { Text = "vỉa hè" }));
            scenarios.Add(Counts(queue, user, $"{who} · counts · text, no match", new ReportFilter { Text = "không có chữ này" }));
        }

        return options.Filter is { Length: > 0 } f ? [.. scenarios.Where(s => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))] : scenarios;
    }

    public static async Task<Measurement> MeasureAsync(Scenario scenario, BenchOptions options, CancellationToken ct)
    {
        if (scenario.Prepare is { } prepare)
        {
            await prepare(ct);
        }

        var last = "";
        var slowest = 0.0;
        for (var i = 0; i < options.Warmup; i++)
        {
            var t = Stopwatch.GetTimestamp();
            last = await scenario.Run(ct);
            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        // Something that takes seconds is measured fewer times: the verdict does not change and the run stays short.
        var runs = slowest > 2000 ? Math.Min(options.Iterations, 5) : options.Iterations;
        var times = new double[runs];
        var cpu = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var c = Environment.CpuUsage.TotalTime;
            var t = Stopwatch.GetTimestamp();
            last = await scenario.Run(ct);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            cpu[i] = (Environment.CpuUsage.TotalTime - c).TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        return new Measurement(scenario, runs, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], Percentile(cpu, 0.50), Percentile(cpu, 0.95), last);
    }

    public static string Table(IEnumerable<Measurement> results)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("| scenario | runs | p50 ms | p95 ms | max ms | cpu p50 ms | cpu p95 ms | target (p95) | result |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in results)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Scenario.Name} | {m.Runs} | {m.P50:0.0} | {m.P95:0.0} | {m.Max:0.0} | {m.CpuP50:0.0} | {m.CpuP95:0.0} | < {m.Scenario.TargetMs:0} ms | {(m.Passed ? "pass" : "**FAIL**")} |"));
        }

        return w.ToString();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Scenario Page(ReportQueryService queue, PortalUser user, string name, ReportFilter filter) =>
        new(name, PageTargetMs, async ct => Describe(await queue.GetPageAsync(user, filter, null, english: false, ct: ct)));

    /// <summary>Follows the cursor <paramref name="pages"/> pages deep (untimed), then times the next page.</summary>
    private static Scenario Deep(ReportQueryService queue, PortalUser user, string name, ReportFilter filter, int pages)
    {
        QueueCursor? cursor = null;
        var depth = 0;
        return new Scenario(name + $" (page {pages + 1})", PageTargetMs, async ct => $"page {depth + 1}, " + Describe(await queue.GetPageAsync(user, filter, cursor, english: false, ct: ct)))
        {
            Prepare = async ct =>
            {
                for (depth = 0; depth < pages; depth++)
                {
                    var slice = await queue.GetPageAsync(user, filter, cursor, english: false, ct: ct);
                    if (slice.Next is null)
                    {
                        break;
                    }

                    cursor = slice.Next;
                }
            },
        };
    }

    private static Scenario Counts(ReportQueryService queue, PortalUser user, string name, ReportFilter filter) =>
        new(name, CountsTargetMs, async ct =>
        {
            var c = await queue.GetCountsAsync(user, filter, ct);
            return string.Create(CultureInfo.InvariantCulture, $"new {c.New}, in progress {c.InProgress}, due soon {c.DueSoon}, overdue {c.Overdue}, done {c.Done}, all {c.All}");
        });

    private static string Describe(QueueSlice slice) => $"{slice.Rows.Count} rows{(slice.Next is null ? ", last page" : "")}";
}
