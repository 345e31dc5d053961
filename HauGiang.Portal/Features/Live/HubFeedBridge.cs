using Microsoft.AspNetCore.SignalR;

namespace HauGiang.Portal.Features.Live;

/// <summary>
/// Sends this instance's changes to the hub's groups (the Redis backplane takes them to the other instances' clients).
/// A feed subscriber like any page, with a larger mailbox: a slow hub delays only itself.
/// </summary>
public sealed class HubFeedBridge(ReportFeed feed, IHubContext<ReportsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(FeedScope.Everything, SendAsync, mailbox: 10_000, localOnly: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task SendAsync(IReadOnlyList<ReportChange> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            await SendAsync(change, ct);
        }
    }

    private async Task SendAsync(ReportChange change, CancellationToken ct)
    {
        var groups = new List<string> { ReportsHub.AllGroup };
        if (change.UnitId is { } unit)
        {
            groups.Add(ReportsHub.UnitGroup(unit));
        }

        if (change.PreviousUnitId is { } previous && previous != change.UnitId)
        {
            groups.Add(ReportsHub.UnitGroup(previous));
        }

        await hub.Clients.Groups(groups).SendAsync("reportChanged", change, ct);
    }
}
