using System.Net;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Features.Admin;
using HauGiang.Portal.Features.Intake;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Features.Live;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static HauGiang.Portal.Tests.Features.Admin.AdminTestData;

namespace HauGiang.Portal.Tests.Features.Reference;

/// <summary>
/// Two real instances on one database and a real redis-server (decision 018): an admin's change on A reaches B's
/// copy through the signal, not through its one-minute safety net (neither app's clock moves here).
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class ReferenceDataAcrossInstancesTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_category_deactivated_on_A_is_refused_by_B_as_soon_as_the_signal_arrives()
    {
        var onB = two.B.Services.GetRequiredService<ReferenceDataSignal>();
        var heard = onB.Version;
        var (_, key) = await two.A.CreateApiClientAsync(); // a reference write on A too: B hears of it first
        using var http = two.B.Http();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, key, "o-nhiem-kenh-rach")).StatusCode);
        Assert.Contains("o-nhiem-kenh-rach", await ReferenceDataTests.ServiceCodesAsync(http));

        var admin = await two.A.UserAsync(AdminEmail);
        var categories = two.A.Services.GetRequiredService<CategoryAdminService>();
        var pollution = (await categories.ListAsync(false)).Single(c => c.Code == "o-nhiem-kenh-rach");
        Assert.True((await categories.SetActiveAsync(admin, pollution.Id, false)).Succeeded);
        try
        {
            // A publishes its two changes in order; B has read again once it has heard both.
            await HeardAsync(onB, heard + 2);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, key, "o-nhiem-kenh-rach")).StatusCode);
            Assert.DoesNotContain("o-nhiem-kenh-rach", await ReferenceDataTests.ServiceCodesAsync(http));
        }
        finally
        {
            Assert.True((await categories.SetActiveAsync(admin, pollution.Id, true)).Succeeded);
        }

        await HeardAsync(onB, heard + 3);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, key, "o-nhiem-kenh-rach")).StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_on_A_is_refused_by_B_as_soon_as_the_signal_arrives()
    {
        var onB = two.B.Services.GetRequiredService<ReferenceDataSignal>();
        var heard = onB.Version;
        var (id, key) = await two.A.CreateApiClientAsync();
        using var http = two.B.Http();
        await HeardAsync(onB, heard + 1);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, key, "rac-thai")).StatusCode); // B has the key cached now

        var admin = await two.A.UserAsync(AdminEmail);
        Assert.True(await two.A.Services.GetRequiredService<ApiClientService>().RevokeAsync(admin, id));
        await HeardAsync(onB, heard + 2);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, key, "rac-thai")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string key, string serviceCode) =>
        http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(IntakeTestExtensions.RequestFields(key, serviceCode)));

    /// <summary>
    /// Waits until the instance has heard of <paramref name="version"/> changes in all. The wait is bounded only so
    /// that a lost message fails the test instead of hanging it; it is far below the copies' one-minute safety net.
    /// </summary>
    private static async Task HeardAsync(ReferenceDataSignal signal, long version)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(long v)
        {
            if (v >= version)
            {
                reached.TrySetResult();
            }
        }

        signal.Changed += OnChanged;
        try
        {
            if (signal.Version < version)
            {
                await reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }
        }
        finally
        {
            signal.Changed -= OnChanged;
        }
    }
}
