using HauGiang.Portal.Features.Live;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Notices;

/// <summary>
/// Who hears of what (docs/decisions/010-notices.md). Pure: decided from the change alone, so the feed's loop can
/// run it for every change without touching the database. Scope comes first: a unit user hears only of reports that
/// are now in their own unit, never of one that left it; coordinators (and admins) hear only of reports that now
/// wait for them — new ones no rule could route and ones a unit returned —, not of every report of the province.
/// Nobody hears of their own action.
/// </summary>
public static class NoticeRule
{
    public static NoticeKind? For(PortalUser user, ReportChange change)
    {
        if (change.ActorId is { } actor && actor == user.Id)
        {
            return null;
        }

        if (user.UnitId is { } unit && change.UnitId == unit)
        {
            return ForUnit(user, change);
        }

        if (user.IsProvinceWide && change.UnitId is null)
        {
            if (change.IsNew)
            {
                return NoticeKind.NeedsRouting;
            }

            if (change.PreviousUnitId is not null)
            {
                return NoticeKind.Returned;
            }
        }

        return null;
    }

    private static NoticeKind? ForUnit(PortalUser user, ReportChange change)
    {
        if (change.IsNew)
        {
            return NoticeKind.New;
        }

        if (change.PreviousUnitId != change.UnitId)
        {
            return change.Action == "escalate" ? NoticeKind.Escalated : NoticeKind.Transferred;
        }

        return change.Action switch
        {
            "assign" when change.AssigneeId == user.Id => NoticeKind.Assigned,

            // The officer in charge and the heads hear of a reopened report; with nobody in charge, the whole unit.
            "rate-reopen" or "reopen" when change.AssigneeId is null || change.AssigneeId == user.Id || user.IsHead => NoticeKind.Reopened,
            _ => null,
        };
    }
}
