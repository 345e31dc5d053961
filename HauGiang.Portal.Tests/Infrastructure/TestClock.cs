namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: it starts at a fixed moment (never today's date, so no test depends on the day it
/// runs) and then runs at real speed, so that what waits in the browser or the server (debounced inputs, cookie
/// checks, timers) behaves as in use. <see cref="Advance"/> moves it on at once.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = global::System.Diagnostics.Stopwatch.GetTimestamp();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + global::System.Diagnostics.Stopwatch.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}
