using HauGiang.Portal.Data;
using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Features.Shared;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Portal.Features.Map;

/// <summary>
/// The map's last GeoJSON per user and filter, reused while nothing has changed: reopening the map, or coming back to
/// it from a report, then costs a copy of the bytes instead of a query and a JSON write over every point — work that
/// otherwise competes with the browser starting the page. An entry is used only while the live feed has seen no
/// change and no report was added since (the highest id: catches writes that bypass the feed), and for a minute at
/// most (overdue flags follow the clock). Per user, so no scope is ever shared; bounded in total size.
/// </summary>
public sealed class MapDataCache(IDbContextFactory<PortalDbContext> dbFactory, ReportFeed feed) : IDisposable
{
    /// <summary>Larger answers (hundreds of thousands of points) are streamed and not kept.</summary>
    internal const int MaxEntryBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    public async Task WriteAsync(PortalUser user, ReportFilter filter, Stream output, Func<Stream, Task> write, CancellationToken ct)
    {
        // Everything the scope depends on is in the key, so a user moved to another unit or role never gets the old answer.
        var key = (user.Id, user.UnitId, string.Join(',', user.Roles.Order(StringComparer.Ordinal)), ReportFilterUrl.For("", filter, MapEndpoints.DefaultTab));
        var stamp = await StampAsync(ct);
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp)
        {
            await output.WriteAsync(entry.Bytes, ct);
            return;
        }

        var capture = new CapturingStream(output, MaxEntryBytes);
        await write(capture);
        if (capture.Captured is { } bytes)
        {
            _entries.Set(key, new Entry(stamp, bytes), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = bytes.Length });
        }
    }

    private async Task<(long, long?)> StampAsync(CancellationToken ct)
    {
        // Read the feed first: a change committed while the points are read then makes the entry stale at once.
        var version = feed.Version;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (version, await db.Reports.MaxAsync(r => (long?)r.Id, ct));
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry((long, long?) Stamp, byte[] Bytes);

    /// <summary>Passes writes through and keeps a copy while it stays under the limit.</summary>
    private sealed class CapturingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        public byte[]? Captured => _copy?.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
