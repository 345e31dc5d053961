using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Dashboard;

public sealed record Period(DateTime FromUtc, DateTime ToUtc)
{
    public bool Contains(DateTime? t) => t is { } v && v >= FromUtc && v < ToUtc;

    /// <summary>The local day the period starts on.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(WorkingCalendar.ToLocal(FromUtc));

    /// <summary>The last local day in the period (a period of whole days ends at the next day's midnight).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(WorkingCalendar.ToLocal(ToUtc.AddTicks(-1)));
}
