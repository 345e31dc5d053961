namespace HauGiang.Portal.Features.Notices;

public static class NoticesExtensions
{
    /// <summary>In-page notices of new work (the layout's <c>NoticeCenter</c>): the shared read of a toast's content.</summary>
    public static IHostApplicationBuilder AddNotices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NoticeReads>();
        return builder;
    }
}
