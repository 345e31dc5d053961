namespace HauGiang.Portal.Domain;

/// <summary>One exception to the Monday–Friday week, kept by admins in the working calendar.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = "";
}
