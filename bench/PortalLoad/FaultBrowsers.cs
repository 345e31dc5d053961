using Microsoft.Playwright;

namespace PortalLoad;

/// <summary>
/// Two misbehaving clients beside the fleet, each in its own Chromium process (its own LaunchAsync):
/// one coordinator's /map that is frozen with SIGSTOP (every process of that browser) and thawed at the end of the run,
/// as a laptop put to sleep with the page open; and one browser with /map and /queue that is killed with SIGKILL, as a
/// crash or a pulled cable (no clean close of its circuits).
/// </summary>
public sealed class FaultBrowsers
{
    private readonly List<string> _events = [];
    private IBrowser? _frozen;
    private IBrowser? _killed;
    private int _frozenMain;
    private int _killedMain;

    public IReadOnlyList<string> Events => _events;

    public static async Task<FaultBrowsers> StartAsync(IPlaywright playwright, BrowserTypeLaunchOptions launch, PageFleet fleet, string baseUrl, Cast cast)
    {
        var faults = new FaultBrowsers();
        (faults._frozen, faults._frozenMain) = await LaunchAsync(playwright, launch);
        await OpenAsync(faults._frozen, baseUrl, await fleet.StorageStateAsync(Cast.Coordinator), "/map");
        (faults._killed, faults._killedMain) = await LaunchAsync(playwright, launch);
        await OpenAsync(faults._killed, baseUrl, await fleet.StorageStateAsync(Cast.Coordinator), "/map");
        await OpenAsync(faults._killed, baseUrl, await fleet.StorageStateAsync(cast.Officers[0].Email), "/queue");
        faults.Note($"frozen browser pid {faults._frozenMain} (/map as coordinator), killed browser pid {faults._killedMain} (/map as coordinator, /queue as {cast.Officers[0].Email})");
        return faults;
    }

    /// <summary>SIGSTOP to the frozen browser's main process, then to each of its descendants.</summary>
    public void Freeze(double atSeconds)
    {
        var pids = ProcessTree.BrowserTree(_frozenMain);
        var sent = ProcessTree.Signal(pids, "STOP");
        Thread.Sleep(200);
        Note($"{atSeconds:0.0} s: SIGSTOP to {sent} processes of the frozen browser; {pids.Count(p => ProcessTree.State(p) == "T")} stopped");
    }

    /// <summary>SIGKILL to the killed browser's main process and all of its descendants.</summary>
    public void Kill(double atSeconds)
    {
        var pids = ProcessTree.BrowserTree(_killedMain);
        var sent = ProcessTree.Signal(pids, "KILL");
        Thread.Sleep(200);
        Note($"{atSeconds:0.0} s: SIGKILL to {sent} processes of the killed browser; {pids.Count(p => ProcessTree.State(p) is { } s && s != "Z")} still alive");
    }

    /// <summary>SIGCONT to the frozen browser, then both browsers are closed (the killed one is only forgotten).</summary>
    public async Task ThawAndCloseAsync(double atSeconds)
    {
        var pids = ProcessTree.BrowserTree(_frozenMain);
        var sent = ProcessTree.Signal(pids, "CONT");
        Note($"{atSeconds:0.0} s: SIGCONT to {sent} processes of the frozen browser");
        foreach (var browser in new[] { _frozen, _killed }.OfType<IBrowser>())
        {
            try
            {
                await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
            }
        }

        // Whatever is left of either tree (a killed browser's orphans, a close that timed out) is ours to end.
        var left = ProcessTree.BrowserTree(_frozenMain).Concat(ProcessTree.BrowserTree(_killedMain)).Where(p => ProcessTree.State(p) is { } s && s != "Z").ToList();
        if (left.Count > 0)
        {
            ProcessTree.Signal(left, "KILL");
        }
    }

    private void Note(string line)
    {
        _events.Add("fault: " + line);
        Console.Error.WriteLine("  fault: " + line);
    }

    private static async Task<(IBrowser Browser, int MainPid)> LaunchAsync(IPlaywright playwright, BrowserTypeLaunchOptions launch)
    {
        var before = ProcessTree.BrowserMains();
        var browser = await playwright.Chromium.LaunchAsync(launch);
        var added = ProcessTree.BrowserMains().Except(before).ToList();
        if (added.Count != 1)
        {
            await browser.CloseAsync();
            throw new InvalidOperationException($"Could not tell the new browser's process apart ({added.Count} new Chromium main processes).");
        }

        return (browser, added[0]);
    }

    private static async Task OpenAsync(IBrowser browser, string baseUrl, string storageState, string url)
    {
        var context = await browser.NewContextAsync(PageFleet.ContextOptions(baseUrl, storageState));
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
