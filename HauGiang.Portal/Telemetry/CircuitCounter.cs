using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HauGiang.Portal.Telemetry;

/// <summary>
/// Open Blazor circuits on this instance (each is an open page, or one kept for a browser that may come back) and
/// how many of them have their browser connected now. Read by the system status page and observed as
/// <c>haugiang.circuits.open</c> / <c>haugiang.circuits.connected</c>.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    // By circuit id, whether its browser is connected: Blazor may report a connection going down more than once
    // (a drop, then the circuit's disposal), so counting events alone could drift.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _circuits = new(StringComparer.Ordinal);

    public CircuitCounter(PortalMetrics metrics)
    {
        metrics.Meter.CreateObservableUpDownCounter("haugiang.circuits.open", () => Open, "{circuit}", "Blazor circuits held on this instance.");
        metrics.Meter.CreateObservableUpDownCounter("haugiang.circuits.connected", () => Connected, "{circuit}", "Blazor circuits whose browser is connected now.");
    }

    public int Open => _circuits.Count;

    public int Connected => _circuits.Count(c => c.Value);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.TryAdd(circuit.Id, false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.TryRemove(circuit.Id, out _);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.TryUpdate(circuit.Id, true, false);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.TryUpdate(circuit.Id, false, true);
        return Task.CompletedTask;
    }
}
