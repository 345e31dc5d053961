using System.Globalization;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Backups;

/// <summary>When a backup is due and which sets to keep: pure rules on Vietnamese local time, tested without files.</summary>
public static class BackupPolicy
{
    /// <summary>
    /// The most recent daily slot at or before <paramref name="nowUtc"/> (today's time of day, or yesterday's if it
    /// is not yet that time), in UTC.
    /// </summary>
    public static DateTime LastSlotUtc(DateTime nowUtc, TimeOnly timeOfDay)
    {
        var today = DateOnly.FromDateTime(WorkingCalendar.ToLocal(nowUtc));
        var slot = WorkingCalendar.FromLocal(today.ToDateTime(timeOfDay));
        return slot <= nowUtc ? slot : WorkingCalendar.FromLocal(today.AddDays(-1).ToDateTime(timeOfDay));
    }

    /// <summary>
    /// Due when no set was started since the last slot: a portal that was down at 02:00 backs up when it comes back,
    /// and a backup taken by hand after the slot counts for the day.
    /// </summary>
    public static bool IsDue(DateTime nowUtc, TimeOnly timeOfDay, DateTime? newestSetStartedUtc) =>
        newestSetStartedUtc is not { } newest || newest < LastSlotUtc(nowUtc, timeOfDay);

    /// <summary>
    /// The sets to keep: the newest of each of the <paramref name="daily"/> most recent local days that have a set,
    /// and the newest of each of the <paramref name="weekly"/> most recent ISO weeks that have one. Counting days and
    /// weeks that have sets (not calendar days back from now) means a portal that stopped for a month still keeps
    /// its last sets instead of deleting them all at the next run.
    /// </summary>
    public static IReadOnlySet<string> Keep(IEnumerable<(string Name, DateTime StartedUtc)> sets, int daily, int weekly)
    {
        var newestFirst = sets.OrderByDescending(s => s.StartedUtc).ToList();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        if (newestFirst.Count > 0)
        {
            keep.Add(newestFirst[0].Name);
        }

        foreach (var group in newestFirst.GroupBy(s => DateOnly.FromDateTime(WorkingCalendar.ToLocal(s.StartedUtc))).Take(Math.Max(0, daily)))
        {
            keep.Add(group.First().Name);
        }

        foreach (var group in newestFirst.GroupBy(s => IsoWeek(s.StartedUtc)).Take(Math.Max(0, weekly)))
        {
            keep.Add(group.First().Name);
        }

        return keep;
    }

    private static (int Year, int Week) IsoWeek(DateTime utc)
    {
        var local = WorkingCalendar.ToLocal(utc);
        return (ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }
}
