using System.Diagnostics;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace PortalLoad;

public enum PageKind
{
    Queue,
    Map,
    Dashboard,
    Report,
}

/// <summary>One page to keep open: who, where, and whether it is a live probe (a queue on tab "Mới", newest first).</summary>
public sealed record PagePlan(PageKind Kind, Account Account, string Url, bool LiveProbe);

/// <summary>An open page; <see cref="OpenMs"/> is from navigation to the circuit being up.</summary>
public sealed record OpenPage(PagePlan Plan, IBrowserContext Context, IPage Page, double OpenMs);

/// <summary>
/// The officers online: N pages in one Chromium, each in its own BrowserContext (its own cookies, as separate people
/// or machines), signed in through the real form once per account and then from that account's saved storage state.
/// Mix: ~60% queues of many units, ~20% maps (a quarter of them the coordinator's), ~10% dashboards (two heads),
/// ~10% report pages of open reports in the officer's unit.
/// </summary>
public sealed class PageFleet(IBrowser browser, string baseUrl, int openInParallel)
{
    /// <summary>
    /// Records, in the page, the first moment (browser Date.now(), the machine's clock) each tracking code appears in
    /// the DOM: added nodes and changed text alike. Installed before any page script runs.
    /// </summary>
    public const string CodeObserver = """
        (() => {
          if (window.__hgSeen) return;
          const seen = window.__hgSeen = {};
          const re = /HG-\d{4}-\d{6}/g;
          const note = text => {
            if (!text) return;
            const found = text.match(re);
            if (!found) return;
            const t = Date.now();
            for (const c of found) if (!(c in seen)) seen[c] = t;
          };
          new MutationObserver(records => {
            for (const r of records) {
              if (r.type === 'characterData') note(r.target.data);
              else for (const n of r.addedNodes) note(n.nodeType === 3 ? n.data : n.textContent);
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    private static readonly string[] OtherTabs = ["InProgress", "Open", "Overdue", "All"];
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);

    public List<OpenPage> Pages { get; } = [];

    public int Failed { get; private set; }

    public static BrowserNewContextOptions ContextOptions(string baseUrl, string? storageState) =>
        new() { BaseURL = baseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 850 }, StorageState = storageState };

    /// <summary>The page mix for <paramref name="n"/> pages (largest-remainder split of 60/20/10/10).</summary>
    public static List<PagePlan> Plan(int n, Cast cast)
    {
        var shares = new[] { 0.6, 0.2, 0.1, 0.1 };
        var counts = shares.Select(s => (int)Math.Floor(s * n)).ToArray();
        foreach (var i in Enumerable.Range(0, 4).OrderByDescending(i => (shares[i] * n) - counts[i]).ThenByDescending(i => i).Take(n - counts.Sum()))
        {
            counts[i]++;
        }

        var officers = cast.Officers;
        var plans = new List<PagePlan>();
        for (var i = 0; i < counts[0]; i++)
        {
            // First one page per officer on "Mới", newest first (where a new report shows at the top), then other tabs.
            var pass = i / officers.Count;
            var url = pass == 0 ? "/queue?sort=Received" : "/queue?tab=" + OtherTabs[(pass - 1 + i) % OtherTabs.Length];
            plans.Add(new(PageKind.Queue, officers[i % officers.Count], url, LiveProbe: pass == 0));
        }

        for (var i = 0; i < counts[1]; i++)
        {
            plans.Add(new(PageKind.Map, i % 4 == 0 ? cast.CoordinatorAccount : officers[i % officers.Count], "/map", false));
        }

        for (var i = 0; i < counts[2]; i++)
        {
            plans.Add(new(PageKind.Dashboard, cast.HeadAccounts[i % cast.HeadAccounts.Count], "/dashboard", false));
        }

        var withReports = officers.Where(o => cast.OpenReports.GetValueOrDefault(o.UnitId!.Value)?.Count > 0).ToList();
        for (var i = 0; i < counts[3] && withReports.Count > 0; i++)
        {
            var officer = withReports[i % withReports.Count];
            var open = cast.OpenReports[officer.UnitId!.Value];
            plans.Add(new(PageKind.Report, officer, "/reports/" + open[(i / withReports.Count) % open.Count].Code, false));
        }

        return plans;
    }

    /// <summary>Signs in through the real form (once per account) and returns the account's storage state.</summary>
    public async Task<string> StorageStateAsync(string email)
    {
        if (_states.TryGetValue(email, out var state))
        {
            return state;
        }

        await using var context = await browser.NewContextAsync(ContextOptions(baseUrl, null));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login", new() { Timeout = 120_000 });
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", PortalApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 120_000 });
        return _states[email] = await context.StorageStateAsync();
    }

    /// <summary>Opens every planned page (a few at a time), each until its circuit is up; a page that fails is counted and closed.</summary>
    public async Task OpenAsync(IReadOnlyList<PagePlan> plans, CancellationToken ct)
    {
        foreach (var email in plans.Select(p => p.Account.Email).Distinct())
        {
            await StorageStateAsync(email);
        }

        using var gate = new SemaphoreSlim(openInParallel);
        var opened = await Task.WhenAll(plans.Select(async plan =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await OpenOneAsync(plan);
            }
            finally
            {
                gate.Release();
            }
        }));
        Pages.AddRange(opened.OfType<OpenPage>());
        Failed += opened.Count(p => p is null);
    }

    private async Task<OpenPage?> OpenOneAsync(PagePlan plan)
    {
        var context = await browser.NewContextAsync(ContextOptions(baseUrl, _states[plan.Account.Email]));
        context.SetDefaultTimeout(120_000);
        try
        {
            if (plan.LiveProbe)
            {
                await context.AddInitScriptAsync(CodeObserver);
            }

            var page = await context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(plan.Url);
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var openMs = clock.Elapsed.TotalMilliseconds;
            if (plan.Kind == PageKind.Map)
            {
                // Not part of "open", but the load should not start while maps are still drawing their points.
                try
                {
                    await page.Locator("[data-testid=report-map][data-idle=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                }
                catch (TimeoutException)
                {
                    Console.Error.WriteLine($"  map of {plan.Account.Email} not idle within 60 s (kept open)");
                }
            }

            return new OpenPage(plan, context, page, openMs);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"  page {plan.Url} as {plan.Account.Email} did not open: {e.Message.Split('\n')[0]}");
            await CloseQuietlyAsync(context);
            return null;
        }
    }

    /// <summary>What each live-probe page recorded: tracking code → first seen (Unix ms), with the page's unit.</summary>
    public async Task<List<(int UnitId, Dictionary<string, double> Seen)>> ReadLiveAsync()
    {
        var result = new List<(int, Dictionary<string, double>)>();
        foreach (var p in Pages.Where(p => p.Plan.LiveProbe))
        {
            try
            {
                // As text ("code ms" lines): plain to carry, whatever the size of the numbers.
                var seen = await p.Page.EvaluateAsync<string>("() => Object.entries(window.__hgSeen || {}).map(([c, t]) => c + ' ' + t).join('\\n')")
                    .WaitAsync(TimeSpan.FromSeconds(30));
                result.Add((p.Plan.Account.UnitId!.Value, seen.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split(' '))
                    .ToDictionary(f => f[0], f => double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Console.Error.WriteLine($"  could not read live records of {p.Plan.Url} ({p.Plan.Account.Email}): {e.Message.Split('\n')[0]}");
            }
        }

        return result;
    }

    public async Task CloseAsync()
    {
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Pages.Select(async p =>
        {
            await gate.WaitAsync();
            try
            {
                await CloseQuietlyAsync(p.Context);
            }
            finally
            {
                gate.Release();
            }
        }));
        Pages.Clear();
    }

    public static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
        }
    }
}
