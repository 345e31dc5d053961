namespace HauGiang.Portal.Features.Notices;

/// <summary>What a toast shows of a report: code, category and place. No reporter data, no description.</summary>
public sealed record NoticeReport(long Id, string Code, string Category, string? Area, string? Address, int? UnitId)
{
    /// <summary>The place as officers say it: the address given, then the ward or commune.</summary>
    public string Place => string.Join(", ", new[] { Address, Area }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
