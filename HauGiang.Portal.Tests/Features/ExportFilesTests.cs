using HauGiang.Portal.Features.Dashboard;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HauGiang.Portal.Tests.Features;

/// <summary>Export files on disk: only their maker downloads them, only once written, only for their lifetime.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class ExportFilesTests
{
    [Fact]
    public void A_file_is_offered_to_its_maker_once_written_and_until_its_lifetime_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));
        using var files = new ExportFiles(clock);
        var file = files.Create("officer-1", "phan-anh.csv", "text/csv");
        File.WriteAllText(file.Path, "Mã\n");

        Assert.Null(files.Find(file.Token, "officer-1")); // still being written
        files.Finish(file);
        Assert.Equal(file.Path, files.Find(file.Token, "officer-1")?.Path);
        Assert.Null(files.Find(file.Token, "officer-2"));
        Assert.Null(files.Find("../" + file.Token, "officer-1"));

        if (!OperatingSystem.IsWindows())
        {
            // The folder is this account's alone: exports hold report descriptions.
            var mode = File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
        }

        clock.Advance(ExportFiles.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(files.Find(file.Token, "officer-1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(files.Find(file.Token, "officer-1"));
        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public void Stopping_the_app_removes_its_files()
    {
        var files = new ExportFiles(new FakeTimeProvider(PortalApp.WorkingMorning));
        var file = files.Create("officer-1", "phan-anh.xlsx", "application/zip");
        File.WriteAllText(file.Path, "PK");
        files.Finish(file);

        files.Dispose();

        Assert.False(Directory.Exists(Path.GetDirectoryName(file.Path)));
    }

}
