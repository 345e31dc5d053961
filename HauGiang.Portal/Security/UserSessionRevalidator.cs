using HauGiang.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Security;

/// <summary>
/// Every <c>Identity:RevalidationSeconds</c>, compares each open connection of <see cref="UserSessions"/> with its user
/// as stored: a changed security stamp (sign-out, new password, role or unit change), a disabled or locked-out or
/// deleted account ends it. One query for all the users with open connections on this instance.
/// </summary>
public sealed class UserSessionRevalidator(
    UserSessions sessions,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<UserSessionRevalidator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A real-time timer (not the app's clock): tests shorten it with the setting, never by moving the clock.
        using var timer = new PeriodicTimer(UserSessions.RevalidationInterval(configuration));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RevalidateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not revalidate open connections; trying again at the next interval");
            }
        }
    }

    public async Task RevalidateAsync(CancellationToken ct)
    {
        var open = sessions.Snapshot();
        if (open.Count == 0)
        {
            return;
        }

        var ids = open.Select(s => s.UserId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.IsDisabled, u.LockoutEnd })
            .ToDictionaryAsync(u => u.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var id in ids)
        {
            var allowed = users.TryGetValue(id, out var user) && !user.IsDisabled && !(user.LockoutEnd > now);
            var ended = sessions.EndStale(id, allowed ? user!.SecurityStamp : null);
            if (ended > 0)
            {
                logger.LogInformation("Ended {Count} open connection(s) of user {UserId}: signed out or access changed", ended, id);
            }
        }
    }
}
