using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Features.Photos;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>
/// The checks every channel gets from the intake itself (Open311 no longer checks anything on its own): the
/// category's questions, coordinates that are not numbers, and photo files, checked before anything is stored.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class IntakeChecksTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private IntakeService Intake => app.Services.GetRequiredService<IntakeService>();

    private static IntakeRequest Tree(string description, IReadOnlyDictionary<string, IReadOnlyList<string>>? answers) => new()
    {
        CategoryCode = "cay-xanh",
        Description = description,
        Latitude = 9.783,
        Longitude = 105.467,
        Answers = answers,
    };

    [Fact]
    public async Task A_channel_that_asks_the_questions_must_answer_the_required_ones_and_the_answers_open_the_timeline()
    {
        var refused = await Intake.SubmitAsync(Tree("Cây đổ " + Guid.NewGuid().ToString("N"), new Dictionary<string, IReadOnlyList<string>>()), default);
        Assert.Equal((IntakeOutcome.Invalid, "Intake.AttributeRequired", "chan_duong"), (refused.Outcome, refused.ErrorKey, refused.Argument));

        var wrong = await Intake.SubmitAsync(Tree("Cây đổ", new Dictionary<string, IReadOnlyList<string>> { ["chan_duong"] = ["co-le"] }), default);
        Assert.Equal(("Intake.AttributeInvalid", "chan_duong"), (wrong.ErrorKey, wrong.Argument));

        var created = await Intake.SubmitAsync(Tree("Cây đổ chắn đường", new Dictionary<string, IReadOnlyList<string>> { ["chan_duong"] = ["co"] }), default);
        Assert.True(created.Succeeded, created.ErrorKey);
        await using var db = app.CreateDbContext();
        var note = await db.ReportEvents.Where(e => e.ReportId == created.Report!.Id).Select(e => e.Note).SingleAsync();
        Assert.Contains("Cây có đang chắn đường không: Có", note, StringComparison.Ordinal);

        // A channel that does not ask them (the demo feed) is not held to them.
        Assert.True((await Intake.SubmitAsync(Tree("Cây nghiêng", null), default)).Succeeded);
    }

    [Fact]
    public async Task Coordinates_that_are_not_numbers_or_come_alone_are_refused()
    {
        var nan = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = "Rác", Latitude = double.NaN, Longitude = 105.467 }, default);
        Assert.Equal("Intake.LatLongInvalid", nan.ErrorKey);
        var alone = await Intake.SubmitAsync(new IntakeRequest { CategoryCode = "rac-thai", Description = "Rác", Latitude = 9.783 }, default);
        Assert.Equal("Intake.LatLongBoth", alone.ErrorKey);
    }

    [Fact]
    public async Task Photo_files_are_counted_then_checked_one_by_one_and_a_refused_one_stores_nothing()
    {
        IntakeUpload Upload(string name, byte[] bytes) => new(name, () => new MemoryStream(bytes));
        var jpeg = TestImages.Jpeg(320, 240);
        var description = "Ảnh " + Guid.NewGuid().ToString("N");

        var tooMany = await Intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = "rac-thai", Description = description, Latitude = 9.783, Longitude = 105.467,
            Uploads = [.. Enumerable.Range(0, 6).Select(i => Upload($"a{i}.jpg", jpeg))],
        }, default);
        Assert.Equal(("Photo.TooMany", "5"), (tooMany.ErrorKey, tooMany.Argument));

        var files = app.PhotoFileCount;
        var bad = await Intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = "rac-thai", Description = description, Latitude = 9.783, Longitude = 105.467,
            Uploads = [Upload("hien-truong.jpg", jpeg), Upload("virus.jpg", TestImages.Executable())],
        }, default);
        Assert.False(bad.Succeeded);
        Assert.Equal("virus.jpg", bad.Photo);
        Assert.StartsWith("Photo.", bad.ErrorKey, StringComparison.Ordinal);
        Assert.Equal(files, app.PhotoFileCount);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Reports.AnyAsync(r => r.Description == description));
        }

        var good = await Intake.SubmitAsync(new IntakeRequest
        {
            CategoryCode = "rac-thai", Description = description, Latitude = 9.783, Longitude = 105.467,
            Uploads = [Upload("hien-truong.jpg", jpeg)],
        }, default);
        Assert.True(good.Succeeded, good.ErrorKey);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.ReportPhotos.CountAsync(p => p.ReportId == good.Report!.Id && p.Kind == PhotoKind.Citizen));
    }
}
