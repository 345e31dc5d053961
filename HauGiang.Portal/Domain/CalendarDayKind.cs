namespace HauGiang.Portal.Domain;

/// <summary>What makes a date different from an ordinary Monday–Friday working day / weekend day.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (ngày lễ, Tết): no work.</summary>
    Holiday = 0,

    /// <summary>A day off in place of a holiday that fell on a weekend, or a bridge day (nghỉ bù).</summary>
    SubstituteDayOff = 1,

    /// <summary>A Saturday or Sunday that is worked to make up for a bridge day (làm bù).</summary>
    MakeUpWorkingDay = 2,
}
