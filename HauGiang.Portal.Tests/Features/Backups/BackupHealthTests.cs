using System.Net;
using System.Text.Json;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Backups;

/// <summary>The daily backup on, into a "folder" that is a file: every attempt fails.</summary>
public sealed class FailingBackupApp() : PortalApp(20, new Dictionary<string, string?>
{
    ["Backup:Enabled"] = "true",
    ["Backup:Folder"] = BlockedFolder,
})
{
    private static readonly string BlockedFolder = CreateFile();

    private static string CreateFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "hg-tests", "not-a-folder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "a file where the backup folder should be");
        return path;
    }
}

/// <summary>
/// A failed daily backup shows on /health/ready (and so on the status page and any monitor) as degraded, naming the
/// cause, while the portal stays ready: a load balancer must not take it out for a backup.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class BackupHealthTests(FailingBackupApp app) : IClassFixture<FailingBackupApp>
{
    [Fact]
    public async Task A_failed_backup_is_degraded_on_ready_with_its_cause_and_the_portal_stays_ready()
    {
        using var http = app.Http();
        JsonElement backup = default;
        HttpStatusCode status = default;

        // The scheduler tries at start (no set yet); wait for its attempt to have failed.
        for (var i = 0; i < 200 && backup.ValueKind == JsonValueKind.Undefined; i++)
        {
            using var ready = await http.GetAsync("/health/ready");
            status = ready.StatusCode;
            using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            var check = json.RootElement.GetProperty("checks").GetProperty("backup");
            if (check.GetProperty("status").GetString() == "Degraded")
            {
                backup = check.Clone();
            }
            else
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(JsonValueKind.Object, backup.ValueKind);
        Assert.Contains("The last backup failed", backup.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
