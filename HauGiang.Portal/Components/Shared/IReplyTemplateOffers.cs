using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Components.Shared;

/// <summary>
/// What the action dialog asks of the reply templates: defined here, in the shared core, so that the Reports feature
/// uses it without depending on the ReplyTemplates feature, which implements and registers it (decision 015).
/// </summary>
public interface IReplyTemplateOffers
{
    /// <summary>The templates for this action on this report that the user may use; empty when the report is outside their scope.</summary>
    Task<IReadOnlyList<ReplyTemplateOffer>> ForReportAsync(PortalUser user, long reportId, ReportAction action, CancellationToken ct = default);
}
