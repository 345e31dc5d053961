using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Data.Seed;

/// <summary>
/// The initial working-calendar exceptions for 2025–2027 (public sector, 5-day week).
/// </summary>
/// <remarks>
/// <para>
/// This table is what admins keep: it is only a starting point. Holidays follow the Labour Code 2019, art. 112
/// (1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 plus one adjacent day; a holiday that
/// falls on a weekend gets a substitute weekday off). The Tết days and any swap of working days (a bridge day off
/// made up on a Saturday) are fixed each year by the Prime Minister / the Ministry of Home Affairs; years or days
/// marked "dự kiến" (provisional) below MUST be checked against that decision and corrected by an admin.
/// </para>
/// <para>
/// Only exceptions are listed: weekday holidays and days off, and the weekend days that are worked. A holiday that
/// falls on a Saturday or Sunday is not listed (it is not a working day anyway); its substitute weekday is.
/// Lunar dates were checked with the Vietnamese lunar calendar (UTC+7): Tết = 29/1/2025, 17/2/2026, 6/2/2027;
/// 10/3 lunar = 7/4/2025, 26/4/2026, 16/4/2027.
/// </para>
/// <para>
/// Not included: Ngày Văn hóa Việt Nam (24/11), which Politburo Resolution 80-NQ/TW (January 2026) intends as a paid
/// holiday; it needs an amendment of art. 112 of the Labour Code. Add it here (or in the admin screen) once in force.
/// </para>
/// </remarks>
public static class CalendarSeed
{
    /// <summary>
    /// Every exception for 2025, 2026 and 2027, ordered by date. Each call returns new instances, so callers
    /// (e.g. EF Core seeding) may attach or change them freely.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Days => Build();

    private static CalendarDay[] Build() =>
    [
        // ---- 2025 (confirmed) ----
        Holiday(2025, 1, 1, "Tết Dương lịch"),                     // Wed
        // Tết Ất Tỵ: Sat 25/1 – Sun 2/2; the 5 Tết days are Mon 27/1 (28 Chạp) – Fri 31/1 (mùng 3).
        Holiday(2025, 1, 27, "Tết Nguyên đán"),
        Holiday(2025, 1, 28, "Tết Nguyên đán"),
        Holiday(2025, 1, 29, "Tết Nguyên đán"),
        Holiday(2025, 1, 30, "Tết Nguyên đán"),
        Holiday(2025, 1, 31, "Tết Nguyên đán"),
        Holiday(2025, 4, 7, "Giỗ Tổ Hùng Vương"),                  // Mon, 10/3 Ất Tỵ
        // Swap for 30/4–1/5: Friday 2/5 off, worked on Saturday 26/4 (public sector; 5 days off 30/4–4/5).
        MakeUp(2025, 4, 26, "Làm bù cho thứ Sáu 02/5"),             // Sat
        Holiday(2025, 4, 30, "Ngày Chiến thắng 30/4"),             // Wed
        Holiday(2025, 5, 1, "Quốc tế Lao động 1/5"),                // Thu
        DayOff(2025, 5, 2, "Nghỉ bù (hoán đổi với thứ Bảy 26/4)"),  // Fri
        // Quốc khánh: Sat 30/8 – Tue 2/9; Mon 1/9 is the adjacent day.
        Holiday(2025, 9, 1, "Quốc khánh 2/9 (ngày liền kề)"),        // Mon
        Holiday(2025, 9, 2, "Quốc khánh 2/9"),                      // Tue

        // ---- 2026 ----
        // Tết Dương lịch (Thu 1/1) with Friday 2/1 swapped for Saturday 10/1 (Government approval of 25/12/2025).
        Holiday(2026, 1, 1, "Tết Dương lịch"),                     // Thu
        DayOff(2026, 1, 2, "Nghỉ bù (hoán đổi với thứ Bảy 10/1)"),  // Fri
        MakeUp(2026, 1, 10, "Làm bù cho thứ Sáu 02/1"),             // Sat
        // Tết Bính Ngọ (Thông báo 9441/TB-BNV): break Sat 14/2 – Sun 22/2; weekdays off Mon 16/2 (29 Chạp) – Fri 20/2.
        Holiday(2026, 2, 16, "Tết Nguyên đán"),
        Holiday(2026, 2, 17, "Tết Nguyên đán"),
        Holiday(2026, 2, 18, "Tết Nguyên đán"),
        Holiday(2026, 2, 19, "Tết Nguyên đán"),
        Holiday(2026, 2, 20, "Tết Nguyên đán"),
        // Giỗ Tổ Hùng Vương (10/3 Bính Ngọ) is Sunday 26/4: substitute day off Monday 27/4.
        DayOff(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương"),          // Mon
        Holiday(2026, 4, 30, "Ngày Chiến thắng 30/4"),             // Thu
        Holiday(2026, 5, 1, "Quốc tế Lao động 1/5"),                // Fri
        Holiday(2026, 9, 2, "Quốc khánh 2/9"),                      // Wed
        // PROVISIONAL: the adjacent day (Tue 1/9 or Thu 3/9) and any swap for 2026 were not confirmed when this table
        // was written; Thu 3/9 is assumed. Check the Ministry of Home Affairs notice for 2026.
        Holiday(2026, 9, 3, "Quốc khánh 2/9 (ngày liền kề, dự kiến)"), // Thu

        // ---- 2027 (PROVISIONAL: Tết and any swaps not yet decided) ----
        Holiday(2027, 1, 1, "Tết Dương lịch"),                     // Fri
        // Tết Đinh Mùi: mùng 1 is Saturday 6/2/2027. Assumed 5 weekdays off Thu 4/2 (28 Chạp) – Wed 10/2 (mùng 5),
        // i.e. a break Thu 4/2 – Wed 10/2. Replace with the Prime Minister's decision.
        Holiday(2027, 2, 4, "Tết Nguyên đán (dự kiến)"),
        Holiday(2027, 2, 5, "Tết Nguyên đán (dự kiến)"),
        Holiday(2027, 2, 8, "Tết Nguyên đán (dự kiến)"),
        Holiday(2027, 2, 9, "Tết Nguyên đán (dự kiến)"),
        Holiday(2027, 2, 10, "Tết Nguyên đán (dự kiến)"),
        Holiday(2027, 4, 16, "Giỗ Tổ Hùng Vương"),                 // Fri, 10/3 Đinh Mùi
        Holiday(2027, 4, 30, "Ngày Chiến thắng 30/4"),             // Fri
        // 1/5/2027 is a Saturday: substitute day off Monday 3/5.
        DayOff(2027, 5, 3, "Nghỉ bù Quốc tế Lao động 1/5"),        // Mon
        Holiday(2027, 9, 2, "Quốc khánh 2/9"),                      // Thu
        Holiday(2027, 9, 3, "Quốc khánh 2/9 (ngày liền kề, dự kiến)"), // Fri
    ];

    private static CalendarDay Holiday(int year, int month, int day, string name) =>
        Create(year, month, day, CalendarDayKind.Holiday, name);

    private static CalendarDay DayOff(int year, int month, int day, string name) =>
        Create(year, month, day, CalendarDayKind.SubstituteDayOff, name);

    private static CalendarDay MakeUp(int year, int month, int day, string name) =>
        Create(year, month, day, CalendarDayKind.MakeUpWorkingDay, name);

    private static CalendarDay Create(int year, int month, int day, CalendarDayKind kind, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = kind, Name = name };
}
