using System.Net;
using System.Text.Json;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Intake;

/// <summary>Attribute answers clients send without checking them: kept as text rather than refusing the report forever.</summary>
[Trait(Tier.Key, Tier.App)]
public class Open311AttributeTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    [Fact]
    public async Task A_number_answered_in_words_keeps_the_report_and_the_words_marked_as_not_a_number()
    {
        var (_, key) = await app.CreateApiClientAsync();
        using var http = app.Http();

        async Task<string?> ReceivedNoteAsync(string answer)
        {
            var fields = IntakeTestExtensions.RequestFields(key, serviceCode: "den-chieu-sang", description: "Đèn đường tắt cả dãy, kiểm thử " + Guid.NewGuid().ToString("N")[..6]);
            fields["attribute[so_bong_hu]"] = answer;
            using var post = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
            var body = await post.Content.ReadAsStringAsync();
            Assert.True(post.StatusCode == HttpStatusCode.Created, body);
            var code = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString();
            await using var db = app.CreateDbContext();
            return await db.ReportEvents.Where(e => e.Type == ReportEventType.Received && db.Reports.Any(r => r.Id == e.ReportId && r.Code == code)).Select(e => e.Note).SingleAsync();
        }

        Assert.Equal("Số bóng đèn không sáng: 3 bóng (không phải số, giữ nguyên câu trả lời)", await ReceivedNoteAsync("3 bóng"));
        Assert.Equal("Số bóng đèn không sáng: 4", await ReceivedNoteAsync("4"));

        // A required list answer that is not one of its values is still refused: the client can show the choices.
        var flood = IntakeTestExtensions.RequestFields(key, serviceCode: "cay-xanh");
        flood["attribute[chan_duong]"] = "hơi chắn";
        using var refused = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(flood));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
