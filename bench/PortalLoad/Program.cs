using System.Globalization;
using System.Text;
using HauGiang.Portal.Features.Live;
using MapBench;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PortalLoad;

/// <summary>Issue 12: the whole portal with many officers online. See docs/performance.md; run with bench/portal-load.sh.</summary>
public static class PortalLoadMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [CitizenProcess.ChildFlag])
        {
            return await CitizenProcess.ChildMainAsync();
        }

        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var work = Path.Combine(Path.GetTempPath(), "hg-portal-load", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var output = new StringBuilder();
        try
        {
            var allMet = await RunAllAsync(o, work, output, cancel.Token);
            return allMet ? 0 : 3;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }

            if (o.Out is { } path && output.Length > 0)
            {
                await File.WriteAllTextAsync(path, output.ToString());
                Console.Error.WriteLine($"(written to {path})");
            }
        }
    }

    /// <summary>The commit the app was built from, and whether HauGiang.Portal/ had uncommitted changes (from git, if there is one).</summary>
    private static string CodeVersion()
    {
        static string Git(string root, params string[] args)
        {
            var info = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            args.ToList().ForEach(info.ArgumentList.Add);
            using var git = System.Diagnostics.Process.Start(info)!;
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(10_000);
            return text;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HauGiang.Portal.sln")))
        {
            root = root.Parent;
        }

        try
        {
            if (root is null)
            {
                return "unknown (no repository)";
            }

            var changed = Git(root.FullName, "status", "--porcelain", "HauGiang.Portal").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            return $"{Git(root.FullName, "rev-parse", "--short", "HEAD")}" + (changed > 0 ? $" with uncommitted changes in HauGiang.Portal/ ({changed} files)" : "") + " when the run started";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    private static async Task<bool> RunAllAsync(Options o, string work, StringBuilder output, CancellationToken ct)
    {
        void Print(string line = "")
        {
            Console.WriteLine(line);
            output.AppendLine(line);
        }

        Print($"## Whole-portal load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Print();
        Print($"- Machine: {Machine.Describe()}");
        Print($"- At start: `{Machine.Uptime()}`");
        Print($"- Code: {CodeVersion()}");

        // The database: the demo seed made by the app, or a copy of an existing file (the original is never written to).
        string? databasePath = null;
        if (o.Database is { } source)
        {
            databasePath = Path.Combine(work, "portal.db");
            foreach (var suffix in new[] { "", "-wal" }.Where(s => File.Exists(source + s)))
            {
                File.Copy(source + suffix, databasePath + suffix);
            }
        }

        var log = new ServerLog();
        using var queries = new QueryCounter();
        using var app = new BenchApp(o.DemoReports, databasePath, log);
        _ = app.BaseUrl; // starts Kestrel; creates (or migrates) the database, seeds the demo into an empty one
        var cast = await Cast.LoadAsync(app);
        long reports;
        using (QueryCounter.Exclude())
        {
            await using var db = app.CreateDbContext();
            reports = db.Reports.LongCount();
        }

        Print($"- Database: {(o.Database is null ? $"the demo seed ({o.DemoReports:N0} reports requested)" : "a copy of " + o.Database)}, {reports:N0} reports; " +
              $"{cast.Officers.Count} officer accounts, {cast.Areas.Count} areas. App on {app.BaseUrl}, real clock.");

        using var inProcess = new CitizenLoad(app.BaseUrl, cast.ApiKey, cast.Areas);
        await inProcess.PrepareAsync();
        using ICitizens citizens = o.CitizensInProcess ? new InProcessCitizens(inProcess) : new CitizenProcess(app.BaseUrl, cast.ApiKey, cast.Areas);
        var officers = new OfficerLoad(app, cast);

        using var playwright = await Playwright.CreateAsync();
        var launch = Browsers.LaunchOptions(work, o.BrowserNice, o.BrowserCpus);
        var before = ProcessTree.BrowserMains();
        await using var browser = await playwright.Chromium.LaunchAsync(launch);
        var mainBrowser = ProcessTree.BrowserMains().Except(before).FirstOrDefault();
        Print(o.CitizensInProcess
            ? "- Citizens: in the benchmark's process (--citizens in-process), sharing the app's thread pool."
            : "- Citizens: a process of their own (PortalLoad --citizens-child), as phones are; `--citizens in-process` shares the app's thread pool.");
        Print($"- Chromium {browser.Version} ({Browsers.ChromiumPath}), headless, one process for the fleet (pid {mainBrowser}); " +
              (o.BrowserCpus == "all" ? "on any CPU, " : $"on CPU {o.BrowserCpus} only, ") +
              (o.BrowserNice == 0 ? "at its own priorities" : $"at nice {o.BrowserNice} without CAP_SYS_NICE (lowest nice among its threads now: {Browsers.LowestNice(mainBrowser)})") + ".");
        Print();
        var fleet = new PageFleet(browser, app.BaseUrl, o.OpenInParallel);
        var feed = app.Services.GetRequiredService<ReportFeed>();
        var rig = new Rig(app, cast, fleet, playwright, launch, mainBrowser, queries, log, citizens, officers, feed.SubscriberCount);

        // Warm-up (not measured): the intake's and the actions' first calls pay for JIT and caches.
        Console.Error.WriteLine("warm-up…");
        await inProcess.RunAsync(o.Rate, TimeSpan.FromSeconds(3), ct);
        await officers.RunAsync(o.Actions, TimeSpan.FromSeconds(3), ct);

        var runs = new List<RunResult>();
        var faultsAt = o.Faults ? o.Pages.Max() : -1;
        foreach (var n in o.Pages)
        {
            runs.Add(await LoadRun.RunAsync(rig, n, o, withFaults: n == faultsAt && n > 0, ct));
            if (o.Raw is { } dir)
            {
                ResultTable.WriteRaw(runs[^1], dir);
            }
        }

        var (table, allMet) = ResultTable.Render(runs, o);
        Print($"### {reports:N0} reports, {o.Rate}/s POSTs and {o.Actions}/s actions for {o.Seconds} s, {string.Join(", ", o.Pages)} pages");
        Print();
        Print($"At end: `{Machine.Uptime()}` (`/proc/loadavg`: {File.ReadAllText("/proc/loadavg").Trim()})");
        Print();
        Print(table);
        foreach (var r in runs.Where(r => r.Pages == o.Pages.Max() && r.Pages > 0))
        {
            Print($"#### The {r.Pages}-page run in 5 s windows{(r.Pages == faultsAt ? " (frozen and killed browsers: see the notes)" : "")}");
            Print();
            Print(ResultTable.Timeline(r, o.Seconds));
        }

        foreach (var r in runs)
        {
            var notes = ResultTable.Notes(r).ToList();
            if (notes.Count > 0)
            {
                Print($"Notes, {r.Pages} pages:");
                notes.ForEach(n => Print("- " + n));
                Print();
            }
        }

        return allMet;
    }
}
