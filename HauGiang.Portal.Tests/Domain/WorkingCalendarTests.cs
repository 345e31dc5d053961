using System.Globalization;
using HauGiang.Portal.Data.Seed;
using HauGiang.Portal.Domain;
using Xunit;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Domain;

/// <summary>
/// Expected values below are worked out by hand from the calendar (and from <see cref="CalendarSeed"/>), never by
/// calling the code under test. Vietnam time is UTC+7, so 17:00 local = 10:00 UTC.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Seeded = new(CalendarSeed.Days);

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static DateOnly D(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant written as "yyyy-MM-dd HH:mm" (UTC).</summary>
    private static DateTime U(string utc) =>
        DateTime.SpecifyKind(
            DateTime.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            DateTimeKind.Utc);

    private static WorkingCalendar With(params (string Date, CalendarDayKind Kind)[] days) =>
        new(days.Select(d => new CalendarDay { Date = D(d.Date), Kind = d.Kind, Name = "test" }));

    // ---- IsWorkingDay ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-03-09", true)]  // Mon
    [InlineData("2026-03-13", true)]  // Fri
    [InlineData("2026-03-14", false)] // Sat
    [InlineData("2026-03-15", false)] // Sun
    public void Empty_calendar_is_monday_to_friday(string date, bool expected)
    {
        Assert.Equal(expected, WorkingCalendar.Empty.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2025-01-01", false)] // Wed, Tết Dương lịch
    [InlineData("2025-04-07", false)] // Mon, Giỗ Tổ Hùng Vương
    [InlineData("2025-04-26", true)]  // Sat, làm bù for Fri 2/5
    [InlineData("2025-05-02", false)] // Fri, nghỉ bù (swapped with Sat 26/4)
    [InlineData("2026-01-02", false)] // Fri, nghỉ bù (swapped with Sat 10/1)
    [InlineData("2026-01-10", true)]  // Sat, làm bù
    [InlineData("2026-01-11", false)] // Sun, ordinary weekend
    [InlineData("2026-02-13", true)]  // Fri before Tết
    [InlineData("2026-02-16", false)] // Mon, Tết
    [InlineData("2026-02-20", false)] // Fri, Tết
    [InlineData("2026-02-23", true)]  // Mon after Tết
    [InlineData("2026-04-26", false)] // Sun, Giỗ Tổ Hùng Vương (weekend, not listed)
    [InlineData("2026-04-27", false)] // Mon, nghỉ bù Giỗ Tổ
    [InlineData("2026-04-28", true)]  // Tue
    [InlineData("2027-05-03", false)] // Mon, nghỉ bù for Sat 1/5/2027
    [InlineData("2027-09-03", false)] // Fri, Quốc khánh adjacent day
    public void Seeded_calendar_knows_holidays_and_make_up_days(string date, bool expected)
    {
        Assert.Equal(expected, Seeded.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Make_up_kind_on_a_weekday_and_holiday_kind_on_a_weekend_behave_sensibly()
    {
        var calendar = With(
            ("2026-03-10", CalendarDayKind.MakeUpWorkingDay), // Tue: still a working day
            ("2026-03-14", CalendarDayKind.Holiday));         // Sat: still not a working day

        Assert.True(calendar.IsWorkingDay(D("2026-03-10")));
        Assert.False(calendar.IsWorkingDay(D("2026-03-14")));
    }

    // ---- AddWorkingDays -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-03-09", 0, "2026-03-09")] // 0 days: the date itself
    [InlineData("2026-03-09", 1, "2026-03-10")] // Mon + 1 = Tue
    [InlineData("2026-03-13", 1, "2026-03-16")] // Fri + 1 = Mon (weekend skipped)
    [InlineData("2026-03-13", 5, "2026-03-20")] // Fri + 5 = next Fri
    [InlineData("2026-03-14", 1, "2026-03-16")] // Sat + 1 = Mon
    [InlineData("2026-03-15", 1, "2026-03-16")] // Sun + 1 = Mon
    [InlineData("2026-03-11", 10, "2026-03-25")] // Wed + two weeks
    public void AddWorkingDays_skips_weekends(string from, int days, string expected)
    {
        Assert.Equal(D(expected), WorkingCalendar.Empty.AddWorkingDays(D(from), days));
    }

    [Fact]
    public void AddWorkingDays_skips_a_holiday()
    {
        // Tue 10/3/2026 declared a holiday: Mon + 1 = Wed, Mon + 2 = Thu.
        var calendar = With(("2026-03-10", CalendarDayKind.Holiday));

        Assert.Equal(D("2026-03-11"), calendar.AddWorkingDays(D("2026-03-09"), 1));
        Assert.Equal(D("2026-03-12"), calendar.AddWorkingDays(D("2026-03-09"), 2));
    }

    [Fact]
    public void AddWorkingDays_counts_a_make_up_saturday()
    {
        // Sat 14/3/2026 declared a make-up working day: Fri + 1 = Sat, Fri + 2 = Mon.
        var calendar = With(("2026-03-14", CalendarDayKind.MakeUpWorkingDay));

        Assert.Equal(D("2026-03-14"), calendar.AddWorkingDays(D("2026-03-13"), 1));
        Assert.Equal(D("2026-03-16"), calendar.AddWorkingDays(D("2026-03-13"), 2));
    }

    [Theory]
    [InlineData("2025-04-04", 1, "2025-04-08")] // Fri; Mon 7/4 Giỗ Tổ → Tue 8/4
    [InlineData("2025-04-25", 1, "2025-04-26")] // Fri; Sat 26/4 is worked (làm bù)
    [InlineData("2025-04-25", 2, "2025-04-28")] // → Mon 28/4
    [InlineData("2025-04-29", 1, "2025-05-05")] // Tue; 30/4, 1/5 holidays, 2/5 nghỉ bù, weekend → Mon 5/5
    [InlineData("2025-12-31", 1, "2026-01-05")] // Wed; 1/1 holiday, 2/1 nghỉ bù, weekend → Mon 5/1
    [InlineData("2026-01-09", 1, "2026-01-10")] // Fri; Sat 10/1 is worked (làm bù)
    [InlineData("2026-01-09", 2, "2026-01-12")] // → Mon 12/1
    [InlineData("2026-02-13", 1, "2026-02-23")] // Fri before Tết → Mon after Tết
    [InlineData("2026-04-24", 1, "2026-04-28")] // Fri; Mon 27/4 nghỉ bù Giỗ Tổ → Tue 28/4
    [InlineData("2026-04-29", 1, "2026-05-04")] // Wed; 30/4 and 1/5 holidays → Mon 4/5
    [InlineData("2027-04-29", 1, "2027-05-04")] // Thu; Fri 30/4, weekend, Mon 3/5 nghỉ bù → Tue 4/5
    public void AddWorkingDays_on_the_seeded_calendar(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Seeded.AddWorkingDays(D(from), days));
    }

    [Fact]
    public void AddWorkingDays_rejects_negative_days()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.AddWorkingDays(D("2026-03-09"), -1));
    }

    // ---- DueAtUtc -------------------------------------------------------------------------------------------------

    [Fact]
    public void Tet_2026_week_is_skipped()
    {
        // Received Fri 13/2/2026 10:00 local (03:00 UTC), 3 handling days.
        // Counting starts Sat 14/2: Sat 14, Sun 15 weekend; Mon 16 – Fri 20 Tết; Sat 21, Sun 22 weekend;
        // Mon 23 = day 1, Tue 24 = day 2, Wed 25 = day 3 → due Wed 25/2/2026 17:00 local = 10:00 UTC.
        var due = Seeded.DueAtUtc(U("2026-02-13 03:00"), 3);

        Assert.Equal(U("2026-02-25 10:00"), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Theory]
    // Empty calendar, ordinary weeks in March 2026.
    [InlineData(false, "2026-03-06 03:00", 1, "2026-03-09 10:00")] // Fri 10:00 local → Mon 17:00 local
    [InlineData(false, "2026-03-06 03:00", 5, "2026-03-13 10:00")] // Fri → next Fri
    [InlineData(false, "2026-03-07 03:00", 1, "2026-03-09 10:00")] // received Sat → Mon
    [InlineData(false, "2026-03-09 01:00", 1, "2026-03-10 10:00")] // Mon 08:00 local → Tue 17:00 local
    // Seeded calendar.
    [InlineData(true, "2026-02-13 03:00", 1, "2026-02-23 10:00")] // Fri before Tết → Mon after Tết
    [InlineData(true, "2026-02-13 03:00", 3, "2026-02-25 10:00")] // the Tết week, see above
    [InlineData(true, "2025-04-25 02:00", 3, "2025-04-29 10:00")] // Sat 26/4 (làm bù) = 1, Mon 28 = 2, Tue 29 = 3
    [InlineData(true, "2025-04-25 02:00", 4, "2025-05-05 10:00")] // 30/4, 1/5, 2/5 off, weekend → Mon 5/5
    [InlineData(true, "2027-04-29 02:00", 1, "2027-05-04 10:00")] // Thu; 30/4 holiday, 3/5 nghỉ bù → Tue 4/5
    public void DueAtUtc_is_17h_local_on_the_nth_working_day_after_receipt(
        bool seeded, string receivedUtc, int handlingDays, string expectedUtc)
    {
        var calendar = seeded ? Seeded : WorkingCalendar.Empty;

        Assert.Equal(U(expectedUtc), calendar.DueAtUtc(U(receivedUtc), handlingDays));
    }

    [Theory]
    // Mon 9/3/2026 23:30 local = Mon 16:30 UTC: received Monday → 1 day → Tue 10/3 17:00 local.
    [InlineData("2026-03-09 16:30", "2026-03-10 10:00")]
    // Mon 9/3/2026 18:00 local (after office hours) = 11:00 UTC: still received Monday → Tue 10/3.
    [InlineData("2026-03-09 11:00", "2026-03-10 10:00")]
    // Mon 9/3/2026 17:30 UTC is already Tue 10/3 00:30 local: received Tuesday → Wed 11/3 17:00 local.
    [InlineData("2026-03-09 17:30", "2026-03-11 10:00")]
    public void DueAtUtc_uses_the_local_date_of_a_late_evening_receipt(string receivedUtc, string expectedUtc)
    {
        Assert.Equal(U(expectedUtc), WorkingCalendar.Empty.DueAtUtc(U(receivedUtc), 1));
    }

    [Fact]
    public void DueAtUtc_treats_unspecified_kind_as_utc()
    {
        var received = new DateTime(2026, 2, 13, 3, 0, 0, DateTimeKind.Unspecified); // = 10:00 local

        var due = Seeded.DueAtUtc(received, 3);

        Assert.Equal(U("2026-02-25 10:00"), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DueAtUtc_rejects_fewer_than_one_handling_day(int handlingDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.DueAtUtc(U("2026-03-09 03:00"), handlingDays));
    }

    // ---- IsOverdue / IsDueSoon ------------------------------------------------------------------------------------

    [Theory]
    // Due Wed 25/2/2026 17:00 local (10:00 UTC); threshold 1 working day.
    [InlineData("2026-02-24 03:00", false, false)] // Tue 10:00 local: horizon Wed 10:00 local < due
    [InlineData("2026-02-24 09:59", false, false)] // Tue 16:59 local: horizon Wed 16:59 local < due
    [InlineData("2026-02-24 10:00", false, true)]  // Tue 17:00 local: horizon Wed 17:00 local = due
    [InlineData("2026-02-25 02:00", false, true)]  // Wed 09:00 local, same day
    [InlineData("2026-02-25 10:00", false, true)]  // exactly at the deadline: not yet overdue
    [InlineData("2026-02-25 10:01", true, false)]  // one minute late
    [InlineData("2026-03-02 03:00", true, false)]  // days late
    public void Overdue_and_due_soon_flags(string nowUtc, bool overdue, bool dueSoon)
    {
        var due = U("2026-02-25 10:00");
        var now = U(nowUtc);

        Assert.Equal(overdue, Seeded.IsOverdue(due, now));
        Assert.Equal(dueSoon, Seeded.IsDueSoon(due, now));
    }

    [Fact]
    public void Due_soon_counts_working_days_not_calendar_days()
    {
        // Due Mon 2/3/2026 17:00 local. On Fri 27/2 17:00 local the next working day is Mon 2/3 → due soon,
        // although the deadline is three calendar days away. One hour earlier the horizon is Mon 16:00 → not yet.
        var due = U("2026-03-02 10:00");

        Assert.True(Seeded.IsDueSoon(due, U("2026-02-27 10:00")));
        Assert.False(Seeded.IsDueSoon(due, U("2026-02-27 09:00")));
    }

    [Fact]
    public void Due_soon_looks_across_tet()
    {
        // Due Mon 23/2/2026 17:00 local; now Fri 13/2/2026 17:00 local (10:00 UTC).
        // Seeded: the next working day after Fri 13/2 is Mon 23/2 → horizon Mon 23/2 17:00 = due → due soon.
        // Without holidays the horizon is Mon 16/2 17:00 → not due soon.
        var due = U("2026-02-23 10:00");
        var now = U("2026-02-13 10:00");

        Assert.True(Seeded.IsDueSoon(due, now));
        Assert.False(WorkingCalendar.Empty.IsDueSoon(due, now));
    }

    [Theory]
    // Due Wed 25/2/2026 17:00 local; now Mon 23/2/2026 17:00 local (10:00 UTC).
    [InlineData(1, false)] // horizon Tue 24/2 17:00 local
    [InlineData(2, true)]  // horizon Wed 25/2 17:00 local = due
    [InlineData(3, true)]  // horizon Thu 26/2 17:00 local
    public void Due_soon_threshold_is_in_working_days(int thresholdWorkingDays, bool expected)
    {
        Assert.Equal(
            expected,
            Seeded.IsDueSoon(U("2026-02-25 10:00"), U("2026-02-23 10:00"), thresholdWorkingDays));
    }

    // ---- DaysOverdue ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-02-24 10:00", 0)] // a day before the deadline
    [InlineData("2026-02-25 10:00", 0)] // exactly at the deadline
    [InlineData("2026-02-25 10:01", 1)] // one minute late
    [InlineData("2026-02-26 10:00", 1)] // exactly 24 hours late
    [InlineData("2026-02-26 10:01", 2)] // 24 hours and one minute late
    [InlineData("2026-02-28 10:00", 3)] // calendar days: the weekend counts
    [InlineData("2026-03-25 10:00", 28)] // 25/2 → 25/3 in a 28-day February
    public void DaysOverdue_rounds_elapsed_calendar_days_up(string nowUtc, int expected)
    {
        Assert.Equal(expected, WorkingCalendar.DaysOverdue(U("2026-02-25 10:00"), U(nowUtc)));
    }

    // ---- WorkingDaysBetween ---------------------------------------------------------------------------------------

    [Theory]
    // Empty calendar.
    [InlineData(false, "2026-03-09 02:00", "2026-03-16 02:00", 5)] // Mon → next Mon: Tue–Fri + Mon
    [InlineData(false, "2026-03-09 02:00", "2026-03-09 10:00", 0)] // same local day
    [InlineData(false, "2026-03-09 16:30", "2026-03-09 17:30", 1)] // Mon 23:30 → Tue 00:30 local: Tue counts
    [InlineData(false, "2026-03-13 02:00", "2026-03-15 02:00", 0)] // Fri → Sun: only the weekend
    [InlineData(false, "2026-03-16 02:00", "2026-03-09 02:00", 0)] // to before from
    [InlineData(false, "2026-03-09 02:00", "2026-03-09 02:00", 0)] // to == from
    // Seeded calendar.
    [InlineData(true, "2026-02-13 03:00", "2026-02-25 10:00", 3)] // across Tết: Mon 23, Tue 24, Wed 25
    [InlineData(true, "2026-01-09 05:00", "2026-01-12 05:00", 2)] // Fri → Mon: Sat 10/1 (làm bù) + Mon 12/1
    [InlineData(true, "2025-12-31 02:00", "2026-01-05 02:00", 1)] // 1/1, 2/1 off, weekend; Mon 5/1 counts
    [InlineData(true, "2025-12-31 02:00", "2026-12-31 02:00", 250)] // the whole of 2026, see below
    public void WorkingDaysBetween_counts_local_dates_after_from_up_to_to(
        bool seeded, string fromUtc, string toUtc, int expected)
    {
        // 2026: starts on a Thursday and has 365 days = 52 weeks + 1 day (a Thursday) → 52 × 5 + 1 = 261 weekdays.
        // Seeded weekday days off in 2026: 1/1, 2/1, 16/2–20/2 (5), 27/4, 30/4, 1/5, 2/9, 3/9 = 12; make-up Sat 10/1 = +1.
        // 261 − 12 + 1 = 250.
        var calendar = seeded ? Seeded : WorkingCalendar.Empty;

        Assert.Equal(expected, calendar.WorkingDaysBetween(U(fromUtc), U(toUtc)));
    }

    [Theory]
    [InlineData("2026-02-13 03:00", 1)]
    [InlineData("2026-02-13 03:00", 3)]
    [InlineData("2025-04-25 02:00", 4)]
    [InlineData("2025-12-31 16:30", 2)] // 23:30 local on New Year's Eve
    [InlineData("2027-02-03 02:00", 6)] // across the provisional Tết 2027
    public void The_deadline_is_exactly_handlingDays_working_days_after_receipt(string receivedUtc, int handlingDays)
    {
        var received = U(receivedUtc);

        Assert.Equal(handlingDays, Seeded.WorkingDaysBetween(received, Seeded.DueAtUtc(received, handlingDays)));
    }

    // ---- time zone ------------------------------------------------------------------------------------------------

    [Fact]
    public void Vietnam_time_is_utc_plus_7()
    {
        Assert.Equal(TimeSpan.FromHours(7), WorkingCalendar.VietnamTime.GetUtcOffset(U("2026-07-01 00:00")));
        Assert.Equal(TimeSpan.FromHours(7), WorkingCalendar.VietnamTime.GetUtcOffset(U("2026-01-01 00:00")));
    }

    [Fact]
    public void ToLocal_and_FromLocal_convert_with_a_7_hour_offset()
    {
        var local = WorkingCalendar.ToLocal(U("2026-02-13 17:30"));

        Assert.Equal(new DateTime(2026, 2, 14, 0, 30, 0), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);

        var utc = WorkingCalendar.FromLocal(new DateTime(2026, 2, 25, 17, 0, 0));

        Assert.Equal(U("2026-02-25 10:00"), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    // ---- seed sanity ----------------------------------------------------------------------------------------------

    [Fact]
    public void Seed_lists_only_weekday_days_off_and_weekend_make_up_days_without_duplicates()
    {
        var days = CalendarSeed.Days;

        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        Assert.All(days, d =>
        {
            var weekend = d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.Equal(d.Kind == CalendarDayKind.MakeUpWorkingDay, weekend);
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
        });
    }

    [Theory]
    // The Labour Code gives 11 holiday days a year; each one that falls on a weekend is moved to a weekday,
    // so every year has at least 11 weekday days off, plus one per swap (which also adds one make-up day).
    // 2025: 1/1; 27/1–31/1 (5); 7/4; 30/4; 1/5; 1/9; 2/9 = 11, + swap 2/5 ↔ Sat 26/4 → 12 off, 1 make-up.
    // 2026: 1/1; 16/2–20/2 (5); 27/4 (for Sun 26/4); 30/4; 1/5; 2/9; 3/9 = 11, + swap 2/1 ↔ Sat 10/1 → 12 off, 1 make-up.
    // 2027: 1/1; 4/2, 5/2, 8/2, 9/2, 10/2 (5); 16/4; 30/4; 3/5 (for Sat 1/5); 2/9; 3/9 = 11 off, no make-up.
    [InlineData(2025, 12, 1)]
    [InlineData(2026, 12, 1)]
    [InlineData(2027, 11, 0)]
    public void Seed_has_the_expected_days_per_year(int year, int expectedDaysOff, int expectedMakeUpDays)
    {
        var ofYear = CalendarSeed.Days.Where(d => d.Date.Year == year).ToList();

        Assert.Equal(expectedDaysOff, ofYear.Count(d => d.Kind != CalendarDayKind.MakeUpWorkingDay));
        Assert.Equal(expectedMakeUpDays, ofYear.Count(d => d.Kind == CalendarDayKind.MakeUpWorkingDay));
    }
}

[Trait(Tier.Key, Tier.Fast)]
public class DeadlineAcrossHolidaysTests
{
    private static readonly HauGiang.Portal.Domain.WorkingCalendar Calendar = new(HauGiang.Portal.Data.Seed.CalendarSeed.Days);

    // received (local), handling days, expected deadline (local) — worked out by hand from the 2025–2027 table.
    [Theory]
    [InlineData("2026-09-01 10:00", 2, "2026-09-07 17:00")] // 2/9 and 3/9 off: Fri 4/9 (1), Mon 7/9 (2)
    [InlineData("2026-01-09 09:00", 1, "2026-01-10 17:00")] // Sat 10/1/2026 is a make-up working day
    [InlineData("2026-02-13 10:00", 1, "2026-02-23 17:00")] // Tết: weekend, 16–20/2 off, weekend → Mon 23/2
    [InlineData("2026-11-27 16:00", 1, "2026-11-30 17:00")] // Fri → Mon over a plain weekend
    public void Deadlines_skip_holidays_and_weekends_and_count_make_up_Saturdays(string received, int days, string expected)
    {
        var receivedUtc = HauGiang.Portal.Domain.WorkingCalendar.FromLocal(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture));
        var due = HauGiang.Portal.Domain.WorkingCalendar.ToLocal(Calendar.DueAtUtc(receivedUtc, days));
        Assert.Equal(expected, due.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
