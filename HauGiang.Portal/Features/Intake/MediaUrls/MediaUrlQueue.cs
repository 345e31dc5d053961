using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>The fetches waiting, in memory: a restart loses the waiting ones, never a report (see docs/open311.md).</summary>
public sealed class MediaUrlQueue(IOptions<MediaUrlOptions> options)
{
    private readonly Channel<MediaUrlJob> _channel = Channel.CreateBounded<MediaUrlJob>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait });

    public bool Enabled => options.Value.Enabled;

    public bool TryEnqueue(MediaUrlJob job) => _channel.Writer.TryWrite(job);

    internal ChannelReader<MediaUrlJob> Reader => _channel.Reader;
}
