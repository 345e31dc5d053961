namespace HauGiang.Portal.Domain;

/// <summary>
/// The public-sector working calendar in Vietnam: Monday–Friday, minus holidays and days off
/// (<see cref="CalendarDayKind.Holiday"/>, <see cref="CalendarDayKind.SubstituteDayOff"/>), plus weekend days
/// that are worked (<see cref="CalendarDayKind.MakeUpWorkingDay"/>). All "local" dates and times are Vietnam time
/// (UTC+7, no daylight saving time).
/// </summary>
/// <remarks>
/// Every <see cref="DateTime"/> argument that is meant to be UTC is treated as UTC when its
/// <see cref="DateTime.Kind"/> is <see cref="DateTimeKind.Unspecified"/>; a <see cref="DateTimeKind.Local"/> value is
/// converted to UTC first. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly TimeZoneInfo VietnamTimeZone = ResolveVietnamTime();

    /// <summary>The end of the office day (17:00 Vietnam time); deadlines fall at this time.</summary>
    public static readonly TimeOnly EndOfOfficeDay = new(17, 0);

    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    /// <summary>Creates a calendar from the admin-kept exceptions to the Monday–Friday week.</summary>
    /// <param name="exceptions">
    /// Holidays, substitute days off and make-up working days. If a date appears more than once, the last entry wins.
    /// </param>
    public WorkingCalendar(IEnumerable<CalendarDay> exceptions)
    {
        ArgumentNullException.ThrowIfNull(exceptions);

        _exceptions = new Dictionary<DateOnly, CalendarDayKind>();
        foreach (var day in exceptions)
        {
            if (day is null)
            {
                continue;
            }

            _exceptions[day.Date] = day.Kind;
        }
    }

    /// <summary>Vietnam time ("Asia/Ho_Chi_Minh", UTC+7, no daylight saving time).</summary>
    public static TimeZoneInfo VietnamTime => VietnamTimeZone;

    /// <summary>A calendar without exceptions: Monday–Friday are working days, weekends are not.</summary>
    public static WorkingCalendar Empty { get; } = new(Array.Empty<CalendarDay>());

    /// <summary>
    /// Whether <paramref name="date"/> is a working day: Monday–Friday unless it is a holiday or a substitute day off;
    /// Saturday/Sunday only if it is a make-up working day.
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.MakeUpWorkingDay;
        }

        return !IsWeekend(date);
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day strictly after <paramref name="from"/>
    /// (<paramref name="from"/> itself never counts). <paramref name="days"/> = 0 returns <paramref name="from"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The handling deadline of something received at <paramref name="receivedUtc"/>.
    /// </summary>
    /// <remarks>
    /// Deadline rule: take the date of receipt in Vietnam time (a report received at 23:30 local on Monday was
    /// received on Monday, even though it is still Monday 16:30 UTC; one received at 00:30 local on Tuesday was
    /// received on Tuesday). Counting starts the day after that local date, whatever the time of receipt and whether
    /// or not the day of receipt is a working day. The deadline is 17:00 Vietnam time (<see cref="EndOfOfficeDay"/>)
    /// on the <paramref name="handlingDays"/>-th working day after the local date of receipt, i.e.
    /// <c>AddWorkingDays(localReceiptDate, handlingDays)</c> at 17:00 local, returned in UTC (10:00 UTC).
    /// </remarks>
    /// <param name="receivedUtc">When it was received (UTC; <see cref="DateTimeKind.Unspecified"/> is taken as UTC).</param>
    /// <param name="handlingDays">The number of working days allowed; must be at least 1.</param>
    /// <returns>The deadline as a UTC <see cref="DateTime"/> (<see cref="DateTimeKind.Utc"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handlingDays"/> is less than 1.</exception>
    public DateTime DueAtUtc(DateTime receivedUtc, int handlingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(handlingDays, 1);

        var receivedLocalDate = LocalDate(receivedUtc);
        var dueDate = AddWorkingDays(receivedLocalDate, handlingDays);
        return FromLocal(dueDate.ToDateTime(EndOfOfficeDay));
    }

    /// <summary>Whether the deadline has passed: <paramref name="nowUtc"/> is strictly later than <paramref name="dueUtc"/>.</summary>
    public bool IsOverdue(DateTime dueUtc, DateTime nowUtc) => AsUtc(nowUtc) > AsUtc(dueUtc);

    /// <summary>
    /// Whether the deadline is close: not overdue, and due no later than the same local time of day
    /// <paramref name="thresholdWorkingDays"/> working days after now (the local date of now advanced with
    /// <see cref="AddWorkingDays"/>). A deadline exactly at now is due soon, not overdue.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="thresholdWorkingDays"/> is negative.</exception>
    public bool IsDueSoon(DateTime dueUtc, DateTime nowUtc, int thresholdWorkingDays = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdWorkingDays);

        var due = AsUtc(dueUtc);
        var now = AsUtc(nowUtc);
        if (now > due)
        {
            return false;
        }

        var nowLocal = ToLocal(now);
        var horizonDate = AddWorkingDays(DateOnly.FromDateTime(nowLocal), thresholdWorkingDays);
        var horizonLocal = horizonDate.ToDateTime(TimeOnly.FromDateTime(nowLocal));
        return due <= FromLocal(horizonLocal);
    }

    /// <summary>
    /// How many calendar days a deadline is overdue: 0 when <paramref name="nowUtc"/> is not after
    /// <paramref name="dueUtc"/>, otherwise the elapsed time rounded up to whole days (1 minute late = 1 day,
    /// exactly 24 hours late = 1 day, 24 hours and 1 minute late = 2 days).
    /// </summary>
    public static int DaysOverdue(DateTime dueUtc, DateTime nowUtc)
    {
        var elapsedTicks = (AsUtc(nowUtc) - AsUtc(dueUtc)).Ticks;
        if (elapsedTicks <= 0)
        {
            return 0;
        }

        return (int)((elapsedTicks + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);
    }

    /// <summary>
    /// The number of working days d with localDate(<paramref name="fromUtc"/>) &lt; d &lt;= localDate(<paramref name="toUtc"/>),
    /// local dates being in Vietnam time; 0 when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.
    /// For a receipt time r, <c>WorkingDaysBetween(r, DueAtUtc(r, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = AsUtc(fromUtc);
        var to = AsUtc(toUtc);
        if (to <= from)
        {
            return 0;
        }

        var first = LocalDate(from);
        var last = LocalDate(to);
        if (last <= first)
        {
            return 0;
        }

        // Mon–Fri in (first, last], then correct for the exceptions inside that range.
        var count = WeekdaysUpTo(last.DayNumber) - WeekdaysUpTo(first.DayNumber);
        foreach (var (date, kind) in _exceptions)
        {
            if (date <= first || date > last)
            {
                continue;
            }

            var isWeekend = IsWeekend(date);
            if (!isWeekend && kind != CalendarDayKind.MakeUpWorkingDay)
            {
                count--;
            }
            else if (isWeekend && kind == CalendarDayKind.MakeUpWorkingDay)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Converts a UTC time to Vietnam local time (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public static DateTime ToLocal(DateTime utc)
    {
        var u = AsUtc(utc);
        return DateTime.SpecifyKind(u + VietnamTimeZone.GetUtcOffset(u), DateTimeKind.Unspecified);
    }

    /// <summary>
    /// Converts a Vietnam local (wall-clock) time to UTC (<see cref="DateTimeKind.Utc"/>). A value whose
    /// <see cref="DateTime.Kind"/> is already <see cref="DateTimeKind.Utc"/> is returned unchanged; any other value
    /// is read as Vietnam wall-clock time.
    /// </summary>
    public static DateTime FromLocal(DateTime local)
    {
        if (local.Kind == DateTimeKind.Utc)
        {
            return local;
        }

        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(wall - VietnamTimeZone.GetUtcOffset(wall), DateTimeKind.Utc);
    }

    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    private static bool IsWeekend(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The number of Mondays–Fridays in [0001-01-01, the day with this day number]; day 0 is a Monday.</summary>
    private static int WeekdaysUpTo(int dayNumber)
    {
        var days = dayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static TimeZoneInfo ResolveVietnamTime()
    {
        // IANA id (Linux, macOS, and Windows with ICU), then the Windows id; if the host has no time-zone data
        // (e.g. a slim container), fall back to a fixed UTC+7 zone, which is exact for Vietnam since 1975.
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone(
            "Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "(UTC+07:00) Việt Nam", "Giờ Việt Nam");
    }
}
