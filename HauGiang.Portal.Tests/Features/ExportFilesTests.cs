using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HauGiang.Portal.Features.Export;

namespace HauGiang.Portal.Tests.Features;

/// <summary>
/// Export files: written on this instance's disk, then stored in the database; only their maker gets them, only once
/// stored, only for their lifetime, and then they are gone from the database too.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class ExportFilesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_file_is_offered_to_its_maker_once_stored_and_until_its_lifetime_ends()
    {
        var files = app.Services.GetRequiredService<ExportFiles>();
        var file = files.Create("officer-1", "phan-anh.csv", "text/csv");
        // More than one stored piece, and a last piece that is not full.
        var content = Enumerable.Range(0, ExportFiles.ChunkBytes * 2 + 1000).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(file.Path, content);

        if (!OperatingSystem.IsWindows())
        {
            // The folder is this account's alone: exports hold report descriptions.
            var mode = File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
        }

        Assert.Null(await files.FindAsync(file.Token, "officer-1", default)); // still being written
        await files.FinishAsync(file, default);
        Assert.False(File.Exists(file.Path)); // nothing of it stays on this instance's disk

        var stored = await files.FindAsync(file.Token, "officer-1", default);
        Assert.NotNull(stored);
        Assert.Equal(content.Length, stored.Length);
        using var copy = new MemoryStream();
        await files.CopyToAsync(stored, copy, default);
        Assert.Equal(content, copy.ToArray());

        Assert.Null(await files.FindAsync(file.Token, "officer-2", default));
        Assert.Null(await files.FindAsync("../" + file.Token, "officer-1", default));

        app.Clock.Advance(ExportFiles.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await files.FindAsync(file.Token, "officer-1", default));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await files.FindAsync(file.Token, "officer-1", default));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ExportFiles.AnyAsync(f => f.Token == file.Token));
        Assert.False(await db.ExportFileChunks.AnyAsync(c => c.Token == file.Token));
    }

    [Fact]
    public async Task A_cancelled_export_leaves_nothing_behind()
    {
        var files = app.Services.GetRequiredService<ExportFiles>();
        var file = files.Create("officer-1", "phan-anh.xlsx", "application/zip");
        await File.WriteAllTextAsync(file.Path, "PK");

        files.Delete(file);

        Assert.False(File.Exists(file.Path));
        Assert.Null(await files.FindAsync(file.Token, "officer-1", default));
    }
}
