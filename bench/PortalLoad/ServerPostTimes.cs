using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PortalLoad;

/// <summary>
/// The server's own time for each Open311 POST, from ASP.NET Core's <c>http.server.request.duration</c>: from the
/// request read to the response written, without the client's wait for a core on a machine shared with the browsers.
/// Beside the client-side figure it tells the portal's share of a slow POST from the machine's.
/// </summary>
public sealed class ServerPostTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _ms = new();

    public ServerPostTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            string? method = null, route = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "http.request.method")
                {
                    method = tag.Value as string;
                }
                else if (tag.Key == "http.route")
                {
                    route = tag.Value as string;
                }
            }

            if (method == "POST" && route?.StartsWith("/open311/v2/requests", StringComparison.Ordinal) == true)
            {
                _ms.Enqueue(seconds * 1000);
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<double> Milliseconds => [.. _ms];

    public void Dispose() => _listener.Dispose();
}
