namespace HauGiang.Portal.Features.Queue;

public static class QueueExtensions
{
    /// <summary>The queue page's shared reads (one answer per change for every open queue of the same view).</summary>
    public static IHostApplicationBuilder AddQueue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SharedQueueReads>();
        return builder;
    }
}
