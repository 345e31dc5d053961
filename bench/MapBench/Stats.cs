using System.Globalization;

namespace MapBench;

public static class Stats
{
    /// <summary>Percentile by linear interpolation between closest ranks (p in 0..100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    public static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Row(string label, IReadOnlyList<double> v, string unit = "ms") =>
        $"| {label} | {v.Count} | {Ms(Percentile(v, 50))} | {Ms(Percentile(v, 95))} | {Ms(v.Count == 0 ? double.NaN : v.Min())} | {Ms(v.Count == 0 ? double.NaN : v.Max())} |";

    public const string Header = "| measure | n | p50 (ms) | p95 (ms) | min (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|";
}

/// <summary>Machine and load, to print next to every table: timings on a shared 2-core machine are noisy.</summary>
public static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {parts[0]}, {parts[1]}, {parts[2]}";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    public static string Uptime()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("uptime") { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return LoadAverage();
        }
    }

    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        var memory = "";
        try
        {
            var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            memory = $", {long.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024} GiB";
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores ({cpu}){memory}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
