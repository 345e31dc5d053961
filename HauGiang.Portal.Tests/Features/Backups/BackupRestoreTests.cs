using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HauGiang.Portal.Features.Backups;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Tests.Features.Backups;

/// <summary>
/// Backups that restore (issue 17): citizen apps keep posting reports with photos over real HTTP while a backup is
/// taken; the set is restored by the documented command into a fresh instance, which must hold every report that
/// was acknowledged before the backup started, with its timeline and its photos.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class BackupRestoreTests : IDisposable
{
    private const string Coordinator = "dieuphoi@haugiang.demo";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hg-tests", "restore-" + Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task A_backup_under_intake_load_restores_every_acknowledged_report_with_its_events_and_photos()
    {
        using var app = new BackupApp();
        var (_, key) = await app.CreateApiClientAsync();
        var photo = TestImages.Jpeg(800, 600);
        var acknowledged = new ConcurrentQueue<(string Code, bool BeforeBackup)>();
        var backupStarted = 0;
        using var stop = new CancellationTokenSource();

        async Task PostUntilStoppedAsync(int writer)
        {
            using var http = app.Http();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                using var form = new MultipartFormDataContent();
                foreach (var (name, value) in IntakeTestExtensions.RequestFields(key, description: $"Đèn đường hỏng, người gửi {writer}, lần {n}"))
                {
                    form.Add(new StringContent(value), name);
                }

                if (n % 2 == 0)
                {
                    form.Add(new ByteArrayContent(photo), "media", "anh.jpg");
                }

                using var response = await http.PostAsync("/open311/v2/requests.json", form);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);

                // Read after the answer arrived: a report marked "before" was committed before the backup began.
                var before = Volatile.Read(ref backupStarted) == 0;
                var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
                acknowledged.Enqueue((code, before));
            }
        }

        var writers = Enumerable.Range(1, 4).Select(w => Task.Run(() => PostUntilStoppedAsync(w))).ToArray();
        await WaitUntilAsync(() => acknowledged.Count >= 40 || writers.Any(w => w.IsFaulted));

        Volatile.Write(ref backupStarted, 1);
        var attempt = await app.Backups.RunAsync(BackupTrigger.Manual, CancellationToken.None);
        var atBackupEnd = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= atBackupEnd + 20 || writers.Any(w => w.IsFaulted));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(attempt.Succeeded, attempt.Error);
        var before = acknowledged.Where(a => a.BeforeBackup).Select(a => a.Code).ToList();
        Assert.True(before.Count >= 40);
        Assert.Contains(acknowledged, a => !a.BeforeBackup); // the intake went on during and after the backup

        // The set describes itself and was checked.
        var set = Path.Combine(app.Backups.Folder, attempt.SetName!);
        var manifest = (await BackupManifest.ReadAsync(set, CancellationToken.None))!;
        Assert.Equal("ok", manifest.Database.IntegrityCheck);
        Assert.Equal(manifest.Database.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(set, "portal.db")))));
        Assert.Equal(0, manifest.Photos.MissingReferenced);
        if (!OperatingSystem.IsWindows())
        {
            // Personal data: readable by the portal's account only.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(set));
        }
        var (checkExit, checkOutput) = await RunAsync("sha256sum", set, "--quiet", "-c", "checksums.sha256");
        Assert.True(checkExit == 0, checkOutput); // the operator's own tool agrees with the set

        // Restore with the documented command into a new instance's paths, then start that instance.
        var database = Path.Combine(_directory, "restored", "portal.db");
        var photos = Path.Combine(_directory, "restored-photos");
        var (exit, output) = await RestoreProcess.RunAsync(set, database, photos);
        Assert.True(exit == 0, output);

        using var restored = new RestoredApp(database, photos);
        await using var original = app.CreateDbContext();
        await using var copy = restored.CreateDbContext();
        Assert.Equal(manifest.Database.Reports, await copy.Reports.CountAsync());

        using var restoredHttp = await restored.SignedInHttpAsync(Coordinator);
        var photosChecked = 0;
        foreach (var code in before)
        {
            var report = await original.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
            var back = await copy.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code);
            Assert.True(back is not null, $"{code} was acknowledged before the backup but is not in the restored portal");
            Assert.Equal((report.Description, report.State, report.UnitId), (back.Description, back.State, back.UnitId));

            var events = await original.ReportEvents.AsNoTracking().Where(e => e.ReportId == report.Id).OrderBy(e => e.Id).Select(e => new { e.Id, e.Type, e.At, e.ToState }).ToListAsync();
            var eventsBack = await copy.ReportEvents.AsNoTracking().Where(e => e.ReportId == back.Id).OrderBy(e => e.Id).Select(e => new { e.Id, e.Type, e.At, e.ToState }).ToListAsync();
            Assert.NotEmpty(events);
            Assert.Equal(events, eventsBack);

            var photoRows = await original.ReportPhotos.AsNoTracking().Where(p => p.ReportId == report.Id).OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(photoRows.Select(p => p.Id), await copy.ReportPhotos.Where(p => p.ReportId == back.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            foreach (var row in photoRows)
            {
                // What an officer of the restored portal is served is the photo the citizen's app sent (after re-encoding).
                var served = await restoredHttp.GetByteArrayAsync($"/photos/{row.Id}");
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.PhotosPath, row.StorageKey)), served);
                photosChecked++;
            }
        }

        Assert.True(photosChecked >= 20, $"only {photosChecked} photos checked");
    }

    [Fact]
    public async Task Restore_refuses_to_replace_an_existing_database_unless_told_and_then_keeps_the_old_file()
    {
        using var app = new BackupApp();
        var attempt = await app.Backups.RunAsync(BackupTrigger.Manual, CancellationToken.None);
        Assert.True(attempt.Succeeded, attempt.Error);
        var set = Path.Combine(app.Backups.Folder, attempt.SetName!);
        var reports = (await BackupManifest.ReadAsync(set, CancellationToken.None))!.Database.Reports;

        // Over the live portal's own database: refused, and the portal goes on with its data.
        var (exit, output) = await RestoreProcess.RunAsync(set, app.DatabasePath, app.PhotosPath);
        Assert.Equal(2, exit);
        Assert.Contains("--overwrite", output, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(reports, await db.Reports.CountAsync());
        }

        // Over a stopped instance's database with --overwrite: replaced, the old file kept beside it.
        var target = Path.Combine(_directory, "old.db");
        await using (var old = new SqliteConnection($"Data Source={target};Pooling=false"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('dữ liệu cũ');";
            await create.ExecuteNonQueryAsync();
        }

        (exit, output) = await RestoreProcess.RunAsync(set, target, Path.Combine(_directory, "photos"), overwrite: true);
        Assert.True(exit == 0, output);
        await using (var restored = new SqliteConnection($"Data Source={target};Pooling=false"))
        {
            await restored.OpenAsync();
            await using var count = restored.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Reports;";
            Assert.Equal(reports, (long)(await count.ExecuteScalarAsync())!);
        }

        var aside = Assert.Single(Directory.GetFiles(_directory, "old.db.before-restore-*"));
        await using (var kept = new SqliteConnection($"Data Source={aside};Pooling=false"))
        {
            await kept.OpenAsync();
            await using var read = kept.CreateCommand();
            read.CommandText = "SELECT Text FROM Notes;";
            Assert.Equal("dữ liệu cũ", (string)(await read.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_or_tampered_set_and_touches_nothing()
    {
        using var app = new BackupApp();
        var (_, key) = await app.CreateApiClientAsync();
        using (var form = new MultipartFormDataContent())
        using (var http = app.Http())
        {
            foreach (var (name, value) in IntakeTestExtensions.RequestFields(key))
            {
                form.Add(new StringContent(value), name);
            }

            form.Add(new ByteArrayContent(TestImages.Jpeg(640, 480)), "media", "anh.jpg");
            using var posted = await http.PostAsync("/open311/v2/requests.json", form);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var attempt = await app.Backups.RunAsync(BackupTrigger.Manual, CancellationToken.None);
        var set = Path.Combine(app.Backups.Folder, attempt.SetName!);
        var aPhoto = Directory.GetFiles(Path.Combine(set, "photos"), "*.jpg", SearchOption.AllDirectories)[0];
        var database = Path.Combine(_directory, "fresh.db");

        // A list that names a path outside the set (a restore writes where the list says): refused.
        var checksums = Path.Combine(set, "checksums.sha256");
        var list = await File.ReadAllTextAsync(checksums);
        await File.AppendAllTextAsync(checksums, new string('0', 64) + "  photos/../../escaped.jpg\n");
        var (exit, output) = await RestoreProcess.RunAsync(set, database, Path.Combine(_directory, "photos"));
        Assert.Equal(3, exit);
        Assert.Contains("outside the set", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
        await File.WriteAllTextAsync(checksums, list);

        // Break the link first, so that only this set's copy changes (the live file and other sets keep theirs).
        var bytes = await File.ReadAllBytesAsync(aPhoto);
        File.Delete(aPhoto);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(aPhoto, bytes);

        (exit, output) = await RestoreProcess.RunAsync(set, database, Path.Combine(_directory, "photos"));
        Assert.Equal(3, exit);
        Assert.Contains("does not match its checksum", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open: the temp folder is cleaned by the OS.
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // A guard against a stuck test, not a speed limit.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            await Task.Delay(10, guard.Token);
        }
    }
}
