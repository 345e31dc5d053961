using System.Diagnostics;
using System.Text.Json;

namespace PortalLoad;

/// <summary>What a run needs from the citizens' side: get ready (not measured), then POST at a rate for a while.</summary>
public interface ICitizens : IDisposable
{
    Task ReadyAsync(double perSecond, TimeSpan duration, CancellationToken ct);

    Task<List<PostSample>> RunAsync(CancellationToken ct);
}

/// <summary>The citizens inside the benchmark's own process (<c>--citizens in-process</c>): shares the app's thread pool. Does not own <paramref name="load"/>.</summary>
public sealed class InProcessCitizens(CitizenLoad load) : ICitizens
{
    private (double PerSecond, TimeSpan Duration) _next;

    public Task ReadyAsync(double perSecond, TimeSpan duration, CancellationToken ct)
    {
        _next = (perSecond, duration);
        return Task.CompletedTask;
    }

    public Task<List<PostSample>> RunAsync(CancellationToken ct) => load.RunAsync(_next.PerSecond, _next.Duration, ct);

    public void Dispose()
    {
    }
}

/// <summary>
/// The citizens in a process of their own (the default), as phones are in reality: their HttpClient continuations do
/// not wait in the app's thread pool queue behind 100 circuits' renders, so a POST's latency is the server's answer,
/// not the benchmark's own scheduling. Each run starts <c>PortalLoad.dll --citizens-child</c>, hands it the plan on
/// stdin, waits until it has warmed up (its own JIT, 5 POSTs), says "go", and reads every sample back as JSON.
/// </summary>
public sealed class CitizenProcess(string baseUrl, string apiKey, IReadOnlyList<AreaPoint> areas) : ICitizens
{
    public const string ChildFlag = "--citizens-child";

    private Process? _child;

    public async Task ReadyAsync(double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(CitizenProcess).Assembly.Location);
        info.ArgumentList.Add(ChildFlag);
        _child = Process.Start(info) ?? throw new InvalidOperationException("Could not start the citizens' process.");
        var plan = new ChildPlan(baseUrl, apiKey, [.. areas], perSecond, duration.TotalSeconds);
        await _child.StandardInput.WriteLineAsync(JsonSerializer.Serialize(plan).AsMemory(), ct);
        await _child.StandardInput.FlushAsync(ct);
        var line = await _child.StandardOutput.ReadLineAsync(ct);
        if (line != "ready")
        {
            throw new InvalidOperationException($"The citizens' process did not get ready: {line}");
        }
    }

    public async Task<List<PostSample>> RunAsync(CancellationToken ct)
    {
        var child = _child ?? throw new InvalidOperationException("ReadyAsync first.");
        await child.StandardInput.WriteLineAsync("go".AsMemory(), ct);
        await child.StandardInput.FlushAsync(ct);
        var json = await child.StandardOutput.ReadLineAsync(ct);
        await child.WaitForExitAsync(ct);
        child.Dispose();
        _child = null;
        return JsonSerializer.Deserialize<List<PostSample>>(json ?? "[]") ?? [];
    }

    /// <summary>The child's side (<see cref="ChildFlag"/>).</summary>
    public static async Task<int> ChildMainAsync()
    {
        var plan = JsonSerializer.Deserialize<ChildPlan>(Console.ReadLine() ?? "") ?? throw new InvalidOperationException("No plan on stdin.");
        using var load = new CitizenLoad(plan.BaseUrl, plan.ApiKey, plan.Areas);
        await load.PrepareAsync();
        await load.RunAsync(perSecond: 10, TimeSpan.FromSeconds(0.5), CancellationToken.None); // the client's own JIT
        Console.WriteLine("ready");
        _ = Console.ReadLine();
        var samples = await load.RunAsync(plan.PerSecond, TimeSpan.FromSeconds(plan.Seconds), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(samples));
        return 0;
    }

    public void Dispose()
    {
        if (_child is { HasExited: false } child)
        {
            child.Kill();
        }

        _child?.Dispose();
    }

    private sealed record ChildPlan(string BaseUrl, string ApiKey, List<AreaPoint> Areas, double PerSecond, double Seconds);
}
