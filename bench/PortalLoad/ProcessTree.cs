using System.Diagnostics;
using System.Globalization;

namespace PortalLoad;

/// <summary>
/// This process's descendants, read from /proc (Linux): Playwright's driver is our child and every Chromium it
/// launches is the driver's. Used to tell one browser launch's processes from another's, to freeze or kill exactly
/// those, and to add up their memory and CPU. Nothing outside this process's own tree is ever signalled.
/// </summary>
public static class ProcessTree
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly long PageBytes = Environment.SystemPageSize;

    /// <summary>Every descendant of <paramref name="root"/> (not itself), parents before children.</summary>
    public static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0 && result.Count < 10_000)
        {
            foreach (var child in children.GetValueOrDefault(queue.Dequeue()) ?? [])
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }

        return result;
    }

    /// <summary>The browsers' main processes under this process: Chromium processes without a <c>--type=</c> argument
    /// whose parent is not Chromium (the driver launched them).</summary>
    public static HashSet<int> BrowserMains()
    {
        static bool IsChromium(int pid) => CommandLine(pid) is { } cmd && cmd.Contains("chrom", StringComparison.OrdinalIgnoreCase);
        return Descendants(Environment.ProcessId)
            .Where(pid => IsChromium(pid) && !CommandLine(pid)!.Contains("--type=", StringComparison.Ordinal) && ParentOf(pid) is { } parent && !IsChromium(parent))
            .ToHashSet();
    }

    /// <summary>A browser's main process and all of its descendants (renderers, zygotes, GPU and utility processes).</summary>
    public static List<int> BrowserTree(int main) => [main, .. Descendants(main)];

    /// <summary>
    /// Sends a signal (STOP, CONT, KILL) with kill(1) to each of the pids that is still a descendant of this process
    /// (never to anything else, even if a pid was reused); returns how many it was sent to.
    /// </summary>
    public static int Signal(IEnumerable<int> pids, string signal)
    {
        var ours = Descendants(Environment.ProcessId).ToHashSet();
        var list = pids.Where(ours.Contains).ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        var info = new ProcessStartInfo("kill") { RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        list.ForEach(p => info.ArgumentList.Add(p.ToString(CultureInfo.InvariantCulture)));
        using var kill = Process.Start(info)!;
        kill.StandardError.ReadToEnd();
        kill.WaitForExit(10_000);
        return list.Count;
    }

    /// <summary>
    /// Proportional set size (PSS) of the processes, from /proc/pid/smaps_rollup: each shared page divided among the
    /// processes that map it, so that the sum is the memory they use together (RSS would count shared pages many times).
    /// </summary>
    public static double PssMiB(IEnumerable<int> pids) =>
        pids.Sum(pid => Read($"/proc/{pid}/smaps_rollup")?.Split('\n').FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb) ? kb : 0) / 1024.0;

    /// <summary>Sum of resident memory (RSS: shared pages are counted in every process that maps them).</summary>
    public static double RssMiB(IEnumerable<int> pids) =>
        pids.Sum(pid => Read($"/proc/{pid}/statm") is { } statm && long.TryParse(statm.Split(' ')[1], CultureInfo.InvariantCulture, out var pages) ? pages * PageBytes : 0) / 1048576.0;

    /// <summary>User + system CPU seconds of the processes (those still alive).</summary>
    public static double CpuSeconds(IEnumerable<int> pids) =>
        pids.Sum(pid => Stat(pid) is { } f && f.Length > 12 ? (double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond : 0);

    private static int? ParentOf(int pid) =>
        Stat(pid) is { Length: > 1 } f && int.TryParse(f[1], CultureInfo.InvariantCulture, out var ppid) ? ppid : null;

    /// <summary>/proc/pid/stat after the command name, split: [0] state, [1] ppid, … [11] utime, [12] stime.</summary>
    private static string[]? Stat(int pid)
    {
        var text = Read($"/proc/{pid}/stat");
        var end = text?.LastIndexOf(')') ?? -1;
        return end < 0 ? null : text![(end + 2)..].Split(' ');
    }

    private static string? CommandLine(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ');

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The state letter of a process (R running, S sleeping, T stopped…), null when it is gone.</summary>
    public static string? State(int pid) => Stat(pid)?[0];
}
