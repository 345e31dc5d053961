using System.Collections.Concurrent;

namespace HauGiang.Portal.Security;

/// <summary>
/// The long-lived connections open on this instance, per user: interactive pages (Blazor circuits) and
/// <c>/hubs/reports</c> connections. A cookie is checked on every request, but these live for hours on one request:
/// signing out, or an admin's lock, disable, role or unit change, ends them here at once
/// (<see cref="EndSessionsOf"/>), and <see cref="UserSessionRevalidator"/> compares every one with its user's
/// security stamp each <c>Identity:RevalidationSeconds</c>, which also covers changes made on another instance.
/// </summary>
public sealed class UserSessions
{
    /// <summary>Default of <c>Identity:RevalidationSeconds</c>: at most this long between a change and its effect.</summary>
    public const int DefaultRevalidationSeconds = 30;

    private readonly ConcurrentDictionary<long, Session> _sessions = new();
    private long _lastId;

    /// <param name="UserId">The account.</param>
    /// <param name="SecurityStamp">The stamp the session was opened with (null if the principal had none).</param>
    /// <param name="End">Closes the connection, or signs the page out.</param>
    public sealed record Session(string UserId, string? SecurityStamp, Action End);

    public static TimeSpan RevalidationInterval(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Identity:RevalidationSeconds", DefaultRevalidationSeconds), 1, 3600));

    /// <summary>Tracks a connection until the returned handle is disposed (when the connection closes).</summary>
    public IDisposable Open(Session session)
    {
        var id = Interlocked.Increment(ref _lastId);
        _sessions[id] = session;
        return new Handle(this, id);
    }

    /// <summary>Ends every open connection of the user on this instance; returns how many.</summary>
    public int EndSessionsOf(string userId) => End(s => s.UserId == userId);

    /// <summary>The users with open connections and the stamps those were opened with.</summary>
    public IReadOnlyList<Session> Snapshot() => [.. _sessions.Values];

    /// <summary>Ends the connections of a user whose stamp is not <paramref name="currentStamp"/> (null: no longer allowed at all).</summary>
    public int EndStale(string userId, string? currentStamp) =>
        End(s => s.UserId == userId && (currentStamp is null || s.SecurityStamp != currentStamp));

    private int End(Func<Session, bool> which)
    {
        var ended = 0;
        foreach (var (id, session) in _sessions)
        {
            if (which(session) && _sessions.TryRemove(id, out _))
            {
                ended++;
                try
                {
                    session.End();
                }
                catch (ObjectDisposedException)
                {
                    // Closed by the client meanwhile: nothing left to end.
                }
            }
        }

        return ended;
    }

    private sealed class Handle(UserSessions owner, long id) : IDisposable
    {
        public void Dispose() => owner._sessions.TryRemove(id, out _);
    }
}
