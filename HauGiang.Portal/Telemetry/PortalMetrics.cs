using System.Diagnostics;
using System.Diagnostics.Metrics;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Telemetry;

/// <summary>
/// The portal's own instruments, in one <see cref="Meter"/> named <see cref="MeterName"/> (the names and what they
/// mean are listed in docs/deploy.md, "Observability"). Recording is always on: with no listener — neither OTLP nor
/// Prometheus configured — each call is one check of a flag, so the default portal pays nothing for them.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "HauGiang.Portal";

    /// <summary>Seconds: a live change reaches an open page in milliseconds, a frozen one in minutes.</summary>
    private static readonly double[] SecondsBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Changes waiting in one mailbox (a page's holds <c>ReportFeed.PageMailbox</c> = 64).</summary>
    private static readonly long[] DepthBuckets = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 1024];

    private readonly Counter<long> _received;
    private readonly Counter<long> _actions;
    private readonly Histogram<double> _deliveryLag;
    private readonly Histogram<long> _mailboxDepth;
    private readonly Counter<long> _exports;
    private readonly Histogram<double> _exportDuration;
    private readonly Histogram<long> _exportRows;

    public PortalMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _received = Meter.CreateCounter<long>("haugiang.reports.received", "{report}", "New reports stored, by channel (open311, citizenapp, hotline, officer).");
        _actions = Meter.CreateCounter<long>("haugiang.reports.actions", "{action}", "Committed changes of existing reports, by action (accept, transfer, reply, rate …).");
        _deliveryLag = Meter.CreateHistogram("haugiang.live.delivery.lag", "s", "From a change's publication to its subscriber's handler starting on it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _mailboxDepth = Meter.CreateHistogram("haugiang.live.mailbox.depth", "{change}", "Changes waiting in a subscriber's mailbox each time it picks them up.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = DepthBuckets });
        _exports = Meter.CreateCounter<long>("haugiang.exports", "{export}", "Report exports (CSV, Excel), by format and outcome (completed, stopped).");
        _exportDuration = Meter.CreateHistogram("haugiang.export.duration", "s", "How long an export took to write, by format.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _exportRows = Meter.CreateHistogram<long>("haugiang.export.rows", "{row}", "Rows written by an export, by format.");
    }

    /// <summary>For instruments observed from their owner's state (circuits, feed subscribers).</summary>
    public Meter Meter { get; }

    public void ReportReceived(ReportSource source) => _received.Add(1, new KeyValuePair<string, object?>("channel", ChannelName(source)));

    public void ReportActed(string action) => _actions.Add(1, new KeyValuePair<string, object?>("action", action));

    /// <summary>Whether anyone listens to the delivery lag (so the feed need not read the stopwatch for nothing).</summary>
    public bool MeasuresDelivery => _deliveryLag.Enabled;

    public void ChangeDelivered(long publishedTimestamp, long now) => _deliveryLag.Record(Stopwatch.GetElapsedTime(publishedTimestamp, now).TotalSeconds);

    public void MailboxPickedUp(int depth) => _mailboxDepth.Record(depth);

    public void ExportWritten(string format, bool completed, int rows, TimeSpan duration)
    {
        var formatTag = new KeyValuePair<string, object?>("format", format);
        _exports.Add(1, formatTag, new KeyValuePair<string, object?>("outcome", completed ? "completed" : "stopped"));
        _exportDuration.Record(duration.TotalSeconds, formatTag);
        _exportRows.Record(rows, formatTag);
    }

    private static string ChannelName(ReportSource source) => source switch
    {
        ReportSource.CitizenApp => "citizenapp",
        ReportSource.Open311 => "open311",
        ReportSource.Hotline => "hotline",
        ReportSource.Officer => "officer",
        _ => "other",
    };
}
