using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Notices;

/// <summary>
/// Reads a report's toast content once for every page that hears of it: all the open pages of a unit hear of a new
/// report at the same moment, and one read answers them all (single flight). The answer is keyed by the report's
/// version, which pins its content, so it stays right however many other changes the feed carries meanwhile.
/// </summary>
public sealed class NoticeReads(IDbContextFactory<PortalDbContext> dbFactory) : IDisposable
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public Task<NoticeReport?> GetAsync(long reportId, int version, bool english)
    {
        var key = (reportId, version, english);
        var answer = _answers.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return new Lazy<Task<NoticeReport?>>(() => ReadAsync(reportId, english));
        })!.Value;

        // A failed read is not kept: the next page to hear of the report tries again.
        _ = answer.ContinueWith(_ => _answers.Remove(key), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return answer;
    }

    private async Task<NoticeReport?> ReadAsync(long reportId, bool english)
    {
        // The read belongs to no single page: none of them may cancel it for the others.
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new NoticeReport(r.Id, r.Code, english ? r.Category!.NameEn : r.Category!.NameVi, r.Area != null ? r.Area.Name : null, r.Address, r.UnitId))
            .FirstOrDefaultAsync();
    }

    public void Dispose() => _answers.Dispose();
}
