using System.Diagnostics;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PortalLoad;

/// <summary>One officer action: what, how long the server-side call took (ms), its outcome, when it started (s into the run).</summary>
public sealed record ActionSample(ReportAction Action, double LatencyMs, ActionOutcome? Outcome, string? Error, double AtSeconds);

/// <summary>
/// Officers at work, in-process through the app's own ReportActions.ExecuteAsync (what the report page's dialogs call):
/// at a fixed rate, open-loop, each action by the next officer in turn on one of the open reports of their unit that
/// were there before the run — Accept a new one, else an internal note. Timed is the server-side call itself.
/// </summary>
public sealed class OfficerLoad(BenchApp app, Cast cast)
{
    private readonly ReportActions _reports = app.Services.GetRequiredService<ReportActions>();
    private readonly Random _random = new(34);
    private int _turn;

    public async Task<List<ActionSample>> RunAsync(double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)Math.Round(perSecond * duration.TotalSeconds);
        var actions = new List<Task<ActionSample>>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            if (Pick() is { } pick)
            {
                actions.Add(ActAsync(pick.Officer, pick.Report, Stopwatch.GetElapsedTime(start).TotalSeconds));
            }
        }

        return [.. await Task.WhenAll(actions)];
    }

    /// <summary>The next officer (round robin) with a report that no action is in flight on.</summary>
    private (Account Officer, OpenReport Report)? Pick()
    {
        for (var tries = 0; tries < cast.Officers.Count; tries++)
        {
            var officer = cast.Officers[_turn++ % cast.Officers.Count];
            var open = cast.OpenReports.GetValueOrDefault(officer.UnitId!.Value);
            if (open is not { Count: > 0 })
            {
                continue;
            }

            for (var j = 0; j < 5; j++)
            {
                var report = open[_random.Next(open.Count)];
                if (report.TryTake())
                {
                    return (officer, report);
                }
            }
        }

        return null;
    }

    private async Task<ActionSample> ActAsync(Account officer, OpenReport report, double at)
    {
        var action = report.State == ReportState.New ? ReportAction.Accept : ReportAction.AddNote;
        var request = new ActionRequest(action, report.Version) { Text = action == ReportAction.AddNote ? $"Đã liên hệ, tổ công tác sẽ xuống hiện trường ({DateTime.UtcNow:HH:mm:ss})." : null };
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await _reports.ExecuteAsync(officer.User, report.Id, request);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (result.Succeeded)
            {
                report.Version++;
                report.State = ReportWorkflow.TargetState(action, report.State);
            }
            else if (result.Outcome == ActionOutcome.Conflict)
            {
                await ReloadAsync(report);
            }

            return new ActionSample(action, ms, result.Outcome, result.Succeeded ? null : $"{result.Outcome} {result.MessageKey}", at);
        }
        catch (Exception e)
        {
            return new ActionSample(action, clock.Elapsed.TotalMilliseconds, null, e.GetType().Name + ": " + e.Message, at);
        }
        finally
        {
            report.Release();
        }
    }

    private async Task ReloadAsync(OpenReport report)
    {
        using var _ = QueryCounter.Exclude();
        await using var db = app.CreateDbContext();
        var now = await db.Reports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => new { r.Version, r.State }).SingleAsync();
        (report.Version, report.State) = (now.Version, now.State);
    }
}
