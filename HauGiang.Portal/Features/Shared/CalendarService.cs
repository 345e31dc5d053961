using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Shared;

/// <summary>The working calendar from the database, cached briefly (admins change it rarely; call Invalidate when they do).</summary>
public sealed class CalendarService(IDbContextFactory<PortalDbContext> dbFactory, IMemoryCache cache)
{
    private const string Key = "working-calendar";

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key, out WorkingCalendar? calendar) && calendar is not null)
        {
            return calendar;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        cache.Set(Key, calendar, TimeSpan.FromMinutes(5));
        return calendar;
    }

    public void Invalidate() => cache.Remove(Key);
}
