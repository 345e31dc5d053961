using HauGiang.Portal.Features.Backups;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Backups;

/// <summary>
/// The daily schedule and the retention rule, driven by the app's clock: the scheduler takes one set per local day
/// as the clock moves on, and after 40 days the folder holds the newest set of each of the last 7 days and of each
/// of the last 4 ISO weeks — nothing else.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class BackupScheduleTests
{
    [Fact]
    public async Task The_daily_backup_follows_the_clock_and_keeps_seven_daily_and_four_weekly_sets()
    {
        // Starts at 10:00 on Wednesday 18/11/2026, past the 02:00 slot with no set yet: the first set is taken at once.
        using var app = new ScheduledBackupApp();
        _ = app.BaseUrl;
        await WaitForSetOnAsync(app, new DateOnly(2026, 11, 18));
        await PostReportWithPhotoAsync(app);

        for (var day = 1; day <= 40; day++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            await WaitForSetOnAsync(app, new DateOnly(2026, 11, 18).AddDays(day));
        }

        // Days run to Monday 28/12/2026 (ISO week 53). Daily: 22/12–28/12. Weekly (newest of each week):
        // week 53 → 28/12, week 52 → 27/12, week 51 → 20/12, week 50 → 13/12.
        var kept = (await app.Backups.ListAsync(CancellationToken.None)).Select(s => LocalDay(s.StartedAtUtc)).Order().ToList();
        DateOnly[] expected =
        [
            new(2026, 12, 13), new(2026, 12, 20),
            new(2026, 12, 22), new(2026, 12, 23), new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 26), new(2026, 12, 27), new(2026, 12, 28),
        ];
        Assert.Equal(expected, kept);

        // The photo (full size and thumbnail) was copied once, by the second set; every later set links to that copy.
        var newest = (await app.Backups.ListAsync(CancellationToken.None))[0];
        Assert.Equal((2, 2, 0), (newest.Photos.Files, newest.Photos.Linked, newest.Photos.Copied));

        // Nothing half-written was left behind, and the folder holds exactly the listed sets.
        Assert.Equal(expected.Length, Directory.GetDirectories(app.Backups.Folder).Length);
    }

    [Theory]
    [InlineData("2026-11-18T01:59", null, true)] // never backed up: due at once
    [InlineData("2026-11-18T01:59", "2026-11-17T02:00", false)] // yesterday's set covers the night until 02:00
    [InlineData("2026-11-18T02:00", "2026-11-17T02:00", true)] // 02:00: today's is due
    [InlineData("2026-11-18T09:00", "2026-11-18T08:00", false)] // a set taken by hand after 02:00 counts for the day
    [InlineData("2026-11-18T09:00", "2026-11-18T01:00", true)] // one taken before the slot does not
    public void A_backup_is_due_when_no_set_was_started_since_the_last_slot(string nowLocal, string? newestLocal, bool due)
    {
        static DateTime Utc(string local) => HauGiang.Portal.Domain.WorkingCalendar.FromLocal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(due, BackupPolicy.IsDue(Utc(nowLocal), new TimeOnly(2, 0), newestLocal is null ? null : Utc(newestLocal)));
    }

    private static async Task PostReportWithPhotoAsync(BackupApp app)
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in IntakeTestExtensions.RequestFields(key))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(TestImages.Jpeg(640, 480)), "media", "anh.jpg");
        using var http = app.Http();
        using var posted = await http.PostAsync("/open311/v2/requests.json", form);
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
    }

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(HauGiang.Portal.Domain.WorkingCalendar.ToLocal(utc));

    private static async Task WaitForSetOnAsync(BackupApp app, DateOnly day)
    {
        // A guard against a stuck scheduler, not a speed limit.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var sets = await app.Backups.ListAsync(guard.Token);
            // The attempt is over (old sets pruned) once the service reports the set as its last.
            if (sets.Count > 0 && LocalDay(sets[0].StartedAtUtc) == day && app.Backups.LastAttempt?.SetName == sets[0].Name)
            {
                Assert.Equal(BackupTrigger.Scheduled, sets[0].Trigger);
                return;
            }

            Assert.True(app.Backups.LastAttempt?.Succeeded != false, app.Backups.LastAttempt?.Error);
            await Task.Delay(20, guard.Token);
        }
    }
}
