using System.Globalization;
using System.Threading.Channels;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// Writes new reports in groups: one writer takes whatever intakes are waiting (up to <see cref="MaxBatch"/>) and
/// stores them in one transaction — codes from one counter update, one commit, one disk flush. Under a flood
/// burst this turns hundreds of tiny transactions that queue for SQLite's single write lock into a few dozen, and
/// keeps full durability (a report is on disk before its 201 leaves). Alone, a report is written at once.
/// If a group fails, its reports are written one by one, so only the faulty one fails.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly IDbContextFactory<PortalDbContext> _dbFactory;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public IntakeWriter(IDbContextFactory<PortalDbContext> dbFactory, ILogger<IntakeWriter> logger)
    {
        _dbFactory = dbFactory;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>One report to insert, with the reporter's contact (kept apart) and the idempotency record to complete.</summary>
    public sealed record Item(Report Report, ReporterContact? Contact, long? IdempotencyRecordId);

    private sealed record Pending(Item Item, TaskCompletionSource Done);

    /// <summary>Stores the report (its Code and Id are set when this completes).</summary>
    public Task WriteAsync(Item item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(item, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(IntakeWriter)));
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            try
            {
                await WriteBatchAsync(batch.Select(p => p.Item).ToList());
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception e) when (batch.Count > 1)
            {
                _logger.LogWarning(e, "Writing {Count} reports together failed; writing them one by one", batch.Count);
                foreach (var p in batch)
                {
                    try
                    {
                        Reset(p.Item.Report);
                        await WriteBatchAsync([p.Item]);
                        p.Done.TrySetResult();
                    }
                    catch (Exception single)
                    {
                        p.Done.TrySetException(single);
                    }
                }
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Done.TrySetException(e));
            }
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<Item> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            try
            {
                var strategy = db.Database.CreateExecutionStrategy();
                await strategy.ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync();
                    foreach (var year in items.GroupBy(i => WorkingCalendar.ToLocal(i.Report.ReceivedAt).Year))
                    {
                        var last = await ReserveAsync(db, year.Key, year.Count());
                        var number = last - year.Count();
                        foreach (var item in year)
                        {
                            item.Report.Code = Report.FormatCode(year.Key, ++number);
                        }
                    }

                    db.Reports.AddRange(items.Select(i => i.Report));
                    await db.SaveChangesAsync();

                    // Contacts have no navigation from the report (so no query of a report can pull them in): link by id.
                    foreach (var item in items.Where(i => i.Contact is not null))
                    {
                        item.Contact!.ReportId = item.Report.Id;
                        db.ReporterContacts.Add(item.Contact);
                    }

                    await db.SaveChangesAsync();
                    await DashboardCounterStore.ApplyAsync(db, DashboardTally.Sum(items.SelectMany(i => DashboardTally.Of(i.Report))), default);
                    foreach (var item in items.Where(i => i.IdempotencyRecordId is not null))
                    {
                        var (code, at) = (item.Report.Code, item.Report.ReceivedAt);
                        await db.Set<IdempotencyRecord>().Where(r => r.Id == item.IdempotencyRecordId)
                            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportCode, code).SetProperty(r => r.CompletedAt, at));
                    }

                    await tx.CommitAsync();
                });
                return;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // On SQL Server two instances may both create a new year's counter: the loser retries.
                _logger.LogWarning(e, "Intake write failed (attempt {Attempt}); retrying", attempt);
                foreach (var item in items)
                {
                    Reset(item.Report);
                    if (item.Contact is not null)
                    {
                        item.Contact.Id = 0;
                    }
                }
            }
        }
    }

    /// <summary>Reserves <paramref name="count"/> numbers of the year's code sequence; returns the last one reserved.</summary>
    private static async Task<long> ReserveAsync(PortalDbContext db, int year, int count)
    {
        var counters = db.Set<ReportCodeCounter>();
        if (await counters.Where(c => c.Year == year).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + count)) == 1)
        {
            return await counters.Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync();
        }

        // The year's first report through intake: continue after the highest code already issued (seed, imports).
        var prefix = $"HG-{year}-";
        var codes = await db.Reports.Where(r => r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync();
        var highest = codes.Select(c => long.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        counters.Add(new ReportCodeCounter { Year = year, LastNumber = highest + count });
        await db.SaveChangesAsync();
        return highest + count;
    }

    private static void Reset(Report report)
    {
        report.Id = 0;
        foreach (var p in report.Photos)
        {
            p.Id = 0;
            p.ReportId = 0;
        }

        foreach (var e in report.Events)
        {
            e.Id = 0;
            e.ReportId = 0;
        }
    }
}
