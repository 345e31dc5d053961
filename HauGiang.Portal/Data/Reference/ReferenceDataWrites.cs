using System.Data.Common;
using System.Runtime.CompilerServices;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// Raises <see cref="ReferenceDataSignal"/> when a SaveChanges wrote a reference entity, once the write is committed:
/// at once without a transaction, at the commit inside one (a reader that reloaded between the save and the commit
/// would otherwise keep the old rows under the new version). Report writes, which touch no reference entity, cost a
/// look at the tracked entries and nothing more.
/// </summary>
public sealed class ReferenceDataWrites(ReferenceDataSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The tables whose rows the readers of <see cref="ReferenceDataCache"/> (and API keys) keep in memory.</summary>
    private static readonly HashSet<Type> ReferenceTypes =
        [typeof(Category), typeof(Unit), typeof(Area), typeof(RoutingRule), typeof(CalendarDay), typeof(ApiClient)];

    /// <summary>Contexts with a reference write saved but not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && WritesReferenceData(context))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Raise();
        }
    }

    /// <summary>A failed save outside a transaction wrote nothing; inside one, an earlier save may still commit.</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>
    /// Whether a reference row is added, changed or deleted. The interceptor runs before SaveChanges detects changes,
    /// so only the tracked reference entries are checked (the report entries of an ordinary write are not scanned twice).
    /// </summary>
    private static bool WritesReferenceData(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                if (!ReferenceTypes.Contains(entry.Metadata.ClrType))
                {
                    continue;
                }

                if (entry.State == EntityState.Unchanged && detect)
                {
                    entry.DetectChanges();
                }

                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
