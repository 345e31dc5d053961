using HauGiang.Portal.Components.Shared;

namespace HauGiang.Portal.Features.ReplyTemplates;

public static class ReplyTemplatesExtensions
{
    /// <summary>Reply templates (decision 015): the service, and the offers the report page's action dialog asks for.</summary>
    public static IHostApplicationBuilder AddReplyTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReplyTemplateService>();
        builder.Services.AddSingleton<IReplyTemplateOffers>(sp => sp.GetRequiredService<ReplyTemplateService>());
        return builder;
    }
}
