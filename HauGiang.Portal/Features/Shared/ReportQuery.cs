using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// What a <see cref="ReportFilter"/> means as a query: the scope, every filter part, the tab. The queue, the map, the
/// dashboard and the exports all ask through here, so a filter selects the same reports on every page.
/// </summary>
internal static class ReportQuery
{
    /// <summary>The reports in the user's scope that match the filter (every part except the tab).</summary>
    /// <param name="text">How to answer the text filter (<see cref="TextMatch.FindAsync"/>); without it, by scanning.</param>
    internal static IQueryable<Report> Filtered(PortalDbContext db, PortalUser user, ReportFilter filter, TextMatch? text = null)
    {
        var query = ReportScope.Apply(db.Reports.AsNoTracking(), user);
        if (filter.CategoryId is { } category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        if (filter.AreaId is { } area)
        {
            query = query.Where(r => r.AreaId == area);
        }

        if (filter.From is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            query = query.Where(r => r.ReceivedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            query = query.Where(r => r.ReceivedAt < toUtc);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.UnitId == unitId);
        }

        if (filter.CategoryGroup is { } group)
        {
            query = query.Where(r => r.Category!.Group == group);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(r => r.AssignedOfficerId == assignee);
        }

        if (filter.ResolvedFrom is { } rfrom)
        {
            var fromUtc = StartOfDayUtc(rfrom);
            query = query.Where(r => r.ResolvedAt >= fromUtc);
        }

        if (filter.ResolvedTo is { } rto)
        {
            var toUtc = StartOfDayUtc(rto.AddDays(1));
            query = query.Where(r => r.ResolvedAt < toUtc);
        }

        if (filter.RatedFrom is { } ratedFrom)
        {
            var fromUtc = StartOfDayUtc(ratedFrom);
            query = query.Where(r => r.Rating != null && r.RatedAt >= fromUtc);
        }

        if (filter.RatedTo is { } ratedTo)
        {
            var toUtc = StartOfDayUtc(ratedTo.AddDays(1));
            query = query.Where(r => r.Rating != null && r.RatedAt < toUtc);
        }

        if (filter.AssignedToMe)
        {
            query = query.Where(r => r.AssignedOfficerId == user.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            query = (text ?? TextMatch.Scan(filter.Text)).Apply(db, query);
        }

        return query;
    }

    /// <summary>The first moment (UTC) of a local (Vietnamese) date: filters by day bound with this, "to" as the next day's.</summary>
    internal static DateTime StartOfDayUtc(DateOnly day) => WorkingCalendar.FromLocal(day.ToDateTime(TimeOnly.MinValue));

    internal static IQueryable<Report> ByTab(IQueryable<Report> query, QueueTab tab, DateTime now, DateTime dueSoonLimit) => tab switch
    {
        QueueTab.New => query.Where(r => r.State == ReportState.New),
        QueueTab.InProgress => query.Where(r => r.State == ReportState.InProgress),
        QueueTab.Open => query.Where(r => r.State == ReportState.New || r.State == ReportState.InProgress),
        QueueTab.DueSoon => query.Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt >= now && r.DueAt <= dueSoonLimit),
        QueueTab.Overdue => query.Where(r => (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt < now),
        QueueTab.Done => query.Where(r => r.State == ReportState.Resolved || r.State == ReportState.Closed),
        _ => query,
    };
}
