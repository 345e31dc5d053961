using System.Globalization;
using Microsoft.Playwright;

namespace PortalLoad;

/// <summary>
/// How Chromium is launched: Debian's, headless, loopback only. The browsers stand in for the officers' own computers,
/// yet share this machine's cores with the server being measured, and 30 busy pages can use both cores of a 2-core box:
/// then the server waits for CPU and .NET's thread pool, seeing the machine saturated, stops adding threads. So by
/// default the browsers are kept to the last core (taskset; <c>--browser-cpus all</c> lifts it) and run at nice 10
/// without CAP_SYS_NICE, since Chromium otherwise raises its compositor and IO threads to nice -8 (it may, as root),
/// ahead of the server (<c>--browser-nice 0</c> launches it as it is).
/// </summary>
public static class Browsers
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions(string work, int nice, string cpus) => new()
    {
        ExecutablePath = nice == 0 && cpus == "all" ? ChromiumPath : Wrapper(work, nice, cpus),
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", "--disable-dev-shm-usage",
            // Nothing but loopback: any other host name fails to resolve, so no request can leave the machine.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        ],
    };

    /// <summary>The lowest nice value among a browser's threads (to check that none was raised above the server).</summary>
    public static int? LowestNice(int mainPid)
    {
        int? lowest = null;
        foreach (var pid in ProcessTree.BrowserTree(mainPid))
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var nice = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
                    lowest = lowest is { } l ? Math.Min(l, nice) : nice;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return lowest;
    }

    /// <summary>The CPU lists its processes may run on (from /proc/pid/status), to check the pinning held.</summary>
    public static string AllowedCpus(int mainPid) => string.Join(" ", ProcessTree.BrowserTree(mainPid)
        .Select(pid =>
        {
            try
            {
                return File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        })
        .OfType<string>().Distinct());

    private static string Wrapper(string work, int nice, string cpus)
    {
        var path = Path.Combine(work, "chromium-wrapper.sh");
        var pin = cpus == "all" ? "" : $"taskset -c {cpus} ";
        File.WriteAllText(path, $"""
            #!/bin/sh
            # Chromium on CPUs {cpus} at nice {nice}, unable to raise any of its threads' priority (no CAP_SYS_NICE).
            if setpriv --bounding-set -sys_nice --inh-caps -sys_nice true 2>/dev/null; then
              exec {pin}setpriv --bounding-set -sys_nice --inh-caps -sys_nice -- nice -n {nice} "{ChromiumPath}" "$@"
            fi
            exec {pin}nice -n {nice} "{ChromiumPath}" "$@"

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
