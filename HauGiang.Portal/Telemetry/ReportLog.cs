using System.Diagnostics;

namespace HauGiang.Portal.Telemetry;

/// <summary>
/// Ties what happens to one report together: every log line written inside the scope carries <c>ReportCode</c>
/// (beside the TraceId and SpanId that ASP.NET Core's scopes already add), and the current trace span gets the tag
/// <c>haugiang.report.code</c>, so an operator can go from a report to its log lines and its trace, and back.
/// </summary>
public static class ReportLog
{
    public const string SpanTag = "haugiang.report.code";

    public static IDisposable? Scope(ILogger logger, string code)
    {
        Activity.Current?.SetTag(SpanTag, code);
        // A message template, not a dictionary: the console's simple format prints a scope's ToString().
        return logger.BeginScope("ReportCode:{ReportCode}", code);
    }
}
