using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Localization;

/// <summary>Shows stored UTC times as Vietnamese local time, dd/MM/yyyy in both languages.</summary>
public static class VietnamTime
{
    public const string DateFormat = "dd/MM/yyyy";
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    public static string FormatDateTime(DateTime utc) =>
        WorkingCalendar.ToLocal(utc).ToString(DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime utc) =>
        WorkingCalendar.ToLocal(utc).ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A local day (already Vietnamese), as dd/MM/yyyy.</summary>
    public static string FormatDay(DateOnly day) => day.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
