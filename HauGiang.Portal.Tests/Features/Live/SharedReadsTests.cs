using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Live;
using Microsoft.Extensions.Logging.Abstractions;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Live;

/// <summary>Many open pages of one scope reloading at once make one read, until the next change.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class SharedReadsTests
{
    [Fact]
    public async Task Twenty_pages_asking_at_once_make_one_read_and_a_change_makes_the_next_one()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        using var shared = new SharedReads(feed, new ReferenceDataSignal());
        var reads = 0;
        var gate = new TaskCompletionSource();

        async Task<int> Read()
        {
            Interlocked.Increment(ref reads);
            await gate.Task;
            return 42;
        }

        var pages = Enumerable.Range(0, 20).Select(_ => shared.GetAsync(("queue-page", "unit:7"), Read)).ToList();
        gate.SetResult();
        Assert.All(await Task.WhenAll(pages), answer => Assert.Equal(42, answer));
        Assert.Equal(1, reads);

        Assert.Equal(42, await shared.GetAsync(("queue-page", "unit:7"), Read)); // nothing changed: the same answer
        Assert.Equal(1, reads);
        await shared.GetAsync(("queue-page", "unit:8"), Read); // another scope reads for itself
        Assert.Equal(2, reads);

        feed.Publish(new ReportChange(1, "HG-2026-000001", 7, null, ReportState.New, 1, true, null, "Người dân", new DateTime(2026, 11, 18, 3, 0, 0, DateTimeKind.Utc)));
        await shared.GetAsync(("queue-page", "unit:7"), Read);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_change_of_reference_data_makes_the_next_read_so_a_renamed_category_shows_at_once()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        var reference = new ReferenceDataSignal();
        using var shared = new SharedReads(feed, reference);
        var name = "Rác thải";
        Assert.Equal("Rác thải", await shared.GetAsync(("queue-page", "unit:7"), () => Task.FromResult(name)));

        name = "Rác thải, vệ sinh môi trường"; // an admin renamed the category; no report changed
        Assert.Equal("Rác thải", await shared.GetAsync(("queue-page", "unit:7"), () => Task.FromResult(name)));
        reference.Raise();
        Assert.Equal("Rác thải, vệ sinh môi trường", await shared.GetAsync(("queue-page", "unit:7"), () => Task.FromResult(name)));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        using var feed = new ReportFeed(NullLogger<ReportFeed>.Instance);
        using var shared = new SharedReads(feed, new ReferenceDataSignal());
        await Assert.ThrowsAsync<TimeoutException>(() => shared.GetAsync("k", () => Task.FromException<int>(new TimeoutException())));
        Assert.Equal(7, await shared.GetAsync("k", () => Task.FromResult(7)));
    }
}
