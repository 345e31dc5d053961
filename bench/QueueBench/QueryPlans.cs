using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueueBench;

/// <summary>
/// For --show-sql: before EF Core runs a query, asks the same SQLite engine (the app's bundled one, not the
/// sqlite3 CLI's, whose planner may differ) for its EXPLAIN QUERY PLAN with the same parameter values.
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    public bool On { get; set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PrintAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await PrintAsync(command, cancellationToken);
        return result;
    }

    private async Task PrintAsync(DbCommand command, CancellationToken ct)
    {
        if (!On || command.Connection is not { } connection || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await using var explain = connection.CreateCommand();
        explain.Transaction = command.Transaction;
#pragma warning disable CA2100 // the app's own generated SQL, prefixed
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
#pragma warning restore CA2100
        foreach (DbParameter p in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = p.ParameterName;
            copy.DbType = p.DbType;
            copy.Value = p.Value;
            explain.Parameters.Add(copy);
        }

        Console.WriteLine("query plan:");
        var depth = new Dictionary<long, int>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var level = depth.TryGetValue(reader.GetInt64(1), out var parent) ? parent + 1 : 0;
            depth[reader.GetInt64(0)] = level;
            Console.WriteLine(new string(' ', 2 + (2 * level)) + "- " + reader.GetString(3));
        }
    }
}
