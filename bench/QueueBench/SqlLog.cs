using Microsoft.Extensions.Logging;

namespace QueueBench;

/// <summary>
/// For --show-sql: writes EF Core's executed commands to the console synchronously (the console logger is
/// asynchronous and would interleave them with the scenario headers), only while <see cref="On"/> is set.
/// </summary>
internal sealed class SqlLog : ILoggerProvider, ILogger
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    public bool On { get; set; }

    public ILogger CreateLogger(string categoryName) => categoryName == CommandCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => On && logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.WriteLine(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
