using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace QueueBench;

/// <summary>What the numbers were measured on.</summary>
internal static class Machine
{
    /// <summary>
    /// Every bench program's start: numbers printed the same in any locale, and Ctrl+C ends the run through the
    /// returned token instead of killing the process mid-write.
    /// </summary>
    public static CancellationToken StartRun()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var cancel = new CancellationTokenSource(); // lives as long as the process
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel.Token;
    }

    public static double MemoryGiB()
    {
        // /proc/meminfo on Linux; elsewhere what the GC sees.
        const string meminfo = "/proc/meminfo";
        if (File.Exists(meminfo) && File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
        {
            return kb / 1048576.0;
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
    }

    /// <summary>1, 5 and 15-minute load averages (Linux): anything else running skews the numbers.</summary>
    public static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : "n/a";
    }

    public static string Os() => RuntimeInformation.OSDescription;

    public static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return command.ExecuteScalar() as string ?? "?";
    }
}
