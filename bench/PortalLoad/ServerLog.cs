using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PortalLoad;

/// <summary>
/// The server's warnings and errors: counted per category and event, the first few of each written to stderr, so that
/// exceptions and stalls in the app show up beside the numbers without flooding the tables on stdout.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private const int PrintedPerKey = 3;
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int Warnings => _counts.Where(kv => kv.Key.StartsWith("Warning", StringComparison.Ordinal)).Sum(kv => kv.Value);

    public int Errors => _counts.Where(kv => !kv.Key.StartsWith("Warning", StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Counts so far, to diff before and after a run.</summary>
    public Dictionary<string, int> Snapshot() => new(_counts);

    /// <summary>What was logged since <paramref name="before"/>, one line per level, category and event.</summary>
    public IEnumerable<string> Since(Dictionary<string, int> before) =>
        _counts.Select(kv => (kv.Key, N: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(x => x.N > 0)
            .OrderByDescending(x => x.N)
            .Select(x => $"{x.N} × {x.Key}");

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, EventId id, string message, Exception? exception)
    {
        var key = $"{level} {category}{(id.Name is { } n ? " " + n : "")}: {Shorten(exception is null ? message : exception.GetType().Name + ": " + exception.Message)}";
        var n2 = _counts.AddOrUpdate(key, 1, (_, v) => v + 1);
        if (n2 <= PrintedPerKey)
        {
            Console.Error.WriteLine($"[server {DateTime.UtcNow:HH:mm:ss.fff}] {level} {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }

    /// <summary>The first line, without the parts that differ per occurrence (codes, ids), so that repeats count as one.</summary>
    private static string Shorten(string message)
    {
        var line = message.Split('\n')[0].Trim();
        line = System.Text.RegularExpressions.Regex.Replace(line, @"HG-\d{4}-\d{6}|[0-9a-f]{8}-[0-9a-f-]{27}|\b\d+\b", "#");
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private sealed class Logger(ServerLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }
}
