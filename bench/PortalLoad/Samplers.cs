using System.Diagnostics;
using HauGiang.Portal.Features.Live;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortalLoad;

/// <summary>
/// Counts the SQL commands EF Core executes in this process (the app's; the benchmark's own look-ups run inside
/// <see cref="Exclude"/>), through EF Core's DiagnosticListener and its CommandExecuted event.
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<bool> Excluded = new();
    private static readonly string CommandExecuted = RelationalEventId.CommandExecuted.Name!;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, double Ms)> _statements = new();
    private long _count;

    public QueryCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Commands issued by the benchmark itself (arranging, checking) are not the app's: not counted.</summary>
    public static IDisposable Exclude()
    {
        Excluded.Value = true;
        return new Restore();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuted));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && !Excluded.Value)
        {
            Interlocked.Increment(ref _count);
            if (value.Value is CommandExecutedEventData e)
            {
                var key = Shape(e.Command.CommandText);
                _statements.AddOrUpdate(key, (1, e.Duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Ms + e.Duration.TotalMilliseconds));
            }
        }
    }

    /// <summary>Statements so far by shape (first words, literals and parameters alike): count and total time.</summary>
    public Dictionary<string, (long Count, double Ms)> Statements() => new(_statements);

    private static string Shape(string sql)
    {
        var flat = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
        return flat.Length > 110 ? flat[..110] + "…" : flat;
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Excluded.Value = false;
    }
}

/// <summary>One second of the server (this process) and, every fifth, of the browsers.</summary>
public sealed record ServerSample(
    double AtSeconds,
    double WorkingSetMiB,
    double ManagedMiB,
    double GcHeapMiB,
    double CpuPercent,
    int FeedSubscribers,
    long Queries,
    int PoolThreads,
    long PoolQueued,
    double GcPauseMs,
    int Gen2Collections,
    double? BrowserMiB,
    double? BrowserCpuPercent);

/// <summary>
/// Samples every second, until stopped: the process's working set, managed memory (<see cref="GC.GetTotalMemory"/>
/// and the heap size at the last GC), CPU time as a share of all cores, the live feed's subscribers (open pages'
/// circuits), EF queries, the thread pool and GC pauses so far. Every 5 s, on a thread of its own (reading
/// /proc/pid/smaps_rollup of a busy browser can take seconds), also the memory (PSS: shared pages divided among the
/// processes that map them) and CPU of the fleet browser's process tree.
/// The app runs in this process, so the figures are the whole benchmark process's: app, load generators and the
/// Playwright client (whose driver and browsers are separate processes).
/// </summary>
public sealed class ServerSampler(ReportFeed feed, QueryCounter queries, Func<IReadOnlyList<int>> browserPids)
{
    private sealed record BrowserReading(int Sequence, double PssMiB, double CpuPercent);

    private BrowserReading? _browser;

    public static ServerSample Now(ReportFeed feed, QueryCounter queries, double at = 0, double cpuPercent = double.NaN)
    {
        using var self = Process.GetCurrentProcess();
        return new ServerSample(at, self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0,
            GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0, cpuPercent, feed.SubscriberCount, queries.Count,
            ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, GC.GetTotalPauseDuration().TotalMilliseconds, GC.CollectionCount(2), null, null);
    }

    /// <summary>Samples until <paramref name="ct"/> is cancelled or <paramref name="limit"/> has passed.</summary>
    public async Task<List<ServerSample>> RunAsync(TimeSpan limit, CancellationToken ct)
    {
        var samples = new List<ServerSample>();
        var clock = Stopwatch.StartNew();
        using var stopBrowser = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var browser = Task.Factory.StartNew(() => SampleBrowser(clock, limit, stopBrowser.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var lastWall = clock.Elapsed;
        var lastBrowser = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (clock.Elapsed < limit && await timer.WaitForNextTickAsync(ct))
            {
                using var self = Process.GetCurrentProcess();
                var (cpu, wall) = (self.TotalProcessorTime, clock.Elapsed);
                if ((wall - lastWall).TotalSeconds < 0.5)
                {
                    continue; // a tick that caught up after a stall: too short an interval for a CPU share
                }

                var percent = (cpu - lastCpu).TotalSeconds / (wall - lastWall).TotalSeconds / Environment.ProcessorCount * 100;
                (lastCpu, lastWall) = (cpu, wall);
                var s = Now(feed, queries, wall.TotalSeconds, percent);
                if (Volatile.Read(ref _browser) is { } b && b.Sequence != lastBrowser)
                {
                    s = s with { BrowserMiB = b.PssMiB, BrowserCpuPercent = b.CpuPercent };
                    lastBrowser = b.Sequence;
                }

                samples.Add(s);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await stopBrowser.CancelAsync();
        await browser;
        return samples;
    }

    private void SampleBrowser(Stopwatch clock, TimeSpan limit, CancellationToken ct)
    {
        var (lastCpu, lastWall) = (ProcessTree.CpuSeconds(browserPids()), clock.Elapsed);
        for (var sequence = 1; clock.Elapsed < limit && !ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)); sequence++)
        {
            var pids = browserPids();
            var (cpu, wall) = (ProcessTree.CpuSeconds(pids), clock.Elapsed);
            var percent = (cpu - lastCpu) / (wall - lastWall).TotalSeconds / Environment.ProcessorCount * 100;
            (lastCpu, lastWall) = (cpu, wall);
            Volatile.Write(ref _browser, new BrowserReading(sequence, ProcessTree.PssMiB(pids), percent));
        }
    }
}
