using System.Diagnostics;
using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Dashboard;

/// <summary>
/// <c>dotnet HauGiang.Portal.dll rebuild-dashboard-counters [--ConnectionStrings:Portal=…]</c>: recomputes every
/// dashboard counter from the reports (decision 019) and exits, without starting the portal. For a database changed
/// outside the portal (an import, a hand fix in SQL) or a doubt about the counts; the portal counts as reports
/// change and builds the counters once by itself after the upgrade that adds them. Run it with the portal stopped
/// or quiet. Exit codes: 0 rebuilt, 2 the database is not up to date (start the portal once to migrate it).
/// </summary>
public static class RebuildCountersCommand
{
    public const string Verb = "rebuild-dashboard-counters";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync("The database is not up to date: start the portal once (it migrates the database and builds the counters), or apply the migrations first.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var rows = await DashboardCounterStore.RebuildAsync(db, ct);
        await output.WriteLineAsync($"Dashboard counters rebuilt from {await db.Reports.CountAsync(ct)} reports: {rows} rows in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
