using System.Net;
using System.Net.Sockets;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Digest;
using HauGiang.Portal.Tests.Features.Intake;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace HauGiang.Portal.Tests.Features.Digest;

/// <summary>
/// The morning digest end to end: the real app sends through MailKit to a real SMTP server this test runs
/// (netDumbster on 127.0.0.1), on the app's clock, from a working Wednesday morning before 07:30.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public sealed class DigestTests : IAsyncLifetime
{
    private const string Head = "lanhdao.vithanh@haugiang.demo";
    private const string OtherHead = "truongphong.xaydung@haugiang.demo";
    private const string Coordinator = "dieuphoi@haugiang.demo";
    private const string Officer = "canbo.vithanh@haugiang.demo";

    /// <summary>Wednesday 18/11/2026 07:20 in Vietnam: ten minutes before the digest.</summary>
    private static readonly DateTimeOffset Before = new(2026, 11, 18, 0, 20, 0, TimeSpan.Zero);

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start(FreePort());
    private DigestApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new DigestApp(_smtp.Configuration.Port, Before);
        _ = _app.BaseUrl;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Stop();
    }

    [Fact]
    public async Task Heads_and_coordinators_get_one_digest_each_working_morning_in_their_scope()
    {
        var job = _app.Services.GetRequiredService<DigestJob>();
        var (viThanh, ngaBay) = await ArrangeReportsAsync();

        // Before 07:30 nothing is sent.
        Assert.True(LocalNow().TimeOfDay < new TimeSpan(7, 30, 0), "the app started too slowly for this test");
        Assert.Equal(0, await job.RunOnceAsync(default));
        Assert.Equal(0, _smtp.ReceivedEmailCount);

        // One head switches the digest off on "Tài khoản của tôi › Thông báo"; an officer has no such switch.
        await SwitchDigestOffAsync(OtherHead);
        using (var officer = await _app.SignedInHttpAsync(Officer))
        {
            Assert.DoesNotContain("data-testid=\"digest-setting\"", await officer.GetStringAsync("/Account/Manage/Notices"), StringComparison.Ordinal);
        }

        // 07:31: the scheduler sends on its own.
        _app.Clock.Advance(new TimeSpan(7, 31, 0) - LocalNow().TimeOfDay);
        var expected = await ExpectedRecipientsAsync();
        Assert.Contains(Head, expected);
        Assert.Contains(Coordinator, expected);
        Assert.DoesNotContain(OtherHead, expected);
        await WaitForAsync(() => _smtp.ReceivedEmailCount >= expected.Count);

        // Running the job again (another instance, a restart) sends nothing more.
        Assert.Equal(0, await job.RunOnceAsync(default));
        var messages = Received();
        Assert.Equal(expected.Order(), messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.DoesNotContain(messages, m => m.To.Mailboxes.Single().Address == OtherHead || m.To.Mailboxes.Single().Address == Officer);

        // The head of Vị Thanh: their unit's overdue and due-soon codes with working links, nothing of Ngã Bảy.
        var head = messages.Single(m => m.To.Mailboxes.Single().Address == Head);
        Assert.StartsWith("Tổng hợp phản ánh ngày 18/11/2026:", head.Subject, StringComparison.Ordinal);
        var text = head.TextBody;
        var html = head.HtmlBody;
        Assert.Contains("Kính gửi", text, StringComparison.Ordinal);
        Assert.Contains($"Quá hạn ({viThanh.Overdue.Count})", text, StringComparison.Ordinal);
        Assert.Contains($"Sắp đến hạn ({viThanh.DueSoon.Count})", text, StringComparison.Ordinal);
        Assert.Contains("Hôm qua (17/11/2026): tiếp nhận", text, StringComparison.Ordinal);
        Assert.Contains("<h3>Quá hạn (", html, StringComparison.Ordinal); // Vietnamese as text in the HTML part too
        foreach (var code in viThanh.Overdue.Concat(viThanh.DueSoon))
        {
            Assert.Contains($"{_app.BaseUrl}/reports/{code}", text, StringComparison.Ordinal);
            Assert.Contains($"href=\"{_app.BaseUrl}/reports/{code}\"", html, StringComparison.Ordinal);
        }

        foreach (var code in ngaBay.Overdue.Concat(ngaBay.DueSoon))
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
            Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("UBND Phường Ngã Bảy", text, StringComparison.Ordinal);
        using (var http = await _app.SignedInHttpAsync(Head))
        {
            var link = $"{_app.BaseUrl}/reports/{viThanh.Overdue[0]}";
            using var response = await http.GetAsync(new Uri(link));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(viThanh.Overdue[0], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The coordinator: every unit, each under its name.
        var coordinator = messages.Single(m => m.To.Mailboxes.Single().Address == Coordinator);
        Assert.Contains("UBND Phường Vị Thanh", coordinator.TextBody, StringComparison.Ordinal);
        Assert.Contains("UBND Phường Ngã Bảy", coordinator.TextBody, StringComparison.Ordinal);
        foreach (var code in viThanh.Overdue.Concat(viThanh.DueSoon).Concat(ngaBay.Overdue).Concat(ngaBay.DueSoon))
        {
            Assert.Contains($"href=\"{_app.BaseUrl}/reports/{code}\"", coordinator.HtmlBody, StringComparison.Ordinal);
        }

        // Saturday 21/11 and the New Year holiday (Friday 01/01/2027 in the seeded calendar): nothing.
        var sent = _smtp.ReceivedEmailCount;
        await MoveToAsync(new DateOnly(2026, 11, 21));
        Assert.Equal(0, await job.RunOnceAsync(default));
        await MoveToAsync(new DateOnly(2027, 1, 1));
        Assert.Equal(0, await job.RunOnceAsync(default));
        Assert.Equal(sent, _smtp.ReceivedEmailCount);

        // The next working day (Monday 04/01/2027) has a digest of its own.
        await MoveToAsync(new DateOnly(2027, 1, 4));
        await WaitForAsync(() => Received().Count(m => m.To.Mailboxes.Single().Address == Head) == 2);
        // (The SMTP server keeps messages unordered: find Monday's by its subject.)
        Assert.Contains(Received(), m => m.To.Mailboxes.Single().Address == Head && (m.Subject ?? "").StartsWith("Tổng hợp phản ánh ngày 04/01/2027:", StringComparison.Ordinal));
    }

    /// <summary>
    /// Makes sure both wards have an overdue and a due-soon open report (the demo seed need not), and returns every
    /// code the digest must list for each of them, as the queue's tabs count them.
    /// </summary>
    private async Task<(Codes ViThanh, Codes NgaBay)> ArrangeReportsAsync()
    {
        await using var db = _app.CreateDbContext();
        var viThanh = await db.Units.Where(u => u.Name == "UBND Phường Vị Thanh").Select(u => u.Id).SingleAsync();
        var ngaBay = await db.Units.Where(u => u.Name == "UBND Phường Ngã Bảy").Select(u => u.Id).SingleAsync();
        var digestTime = LocalToUtc(new DateTime(2026, 11, 18, 7, 31, 0));
        foreach (var unit in new[] { viThanh, ngaBay })
        {
            var open = await db.Reports.Where(r => r.UnitId == unit && (r.State == ReportState.New || r.State == ReportState.InProgress)).OrderBy(r => r.Id).Take(2).ToListAsync();
            Assert.Equal(2, open.Count);
            open[0].DueAt = digestTime.AddDays(-2); // overdue
            open[1].DueAt = digestTime.AddHours(3); // due today
        }

        await db.SaveChangesAsync();

        // "Sắp đến hạn" with Reports:DueSoonWorkingDays = 1: due before Thursday 19/11 at the same time.
        var limit = LocalToUtc(new DateTime(2026, 11, 19, 7, 31, 0));
        async Task<Codes> CodesOf(int unit)
        {
            var reports = await db.Reports.AsNoTracking().Where(r => r.UnitId == unit && (r.State == ReportState.New || r.State == ReportState.InProgress) && r.DueAt <= limit)
                .Select(r => new { r.Code, r.DueAt }).ToListAsync();
            return new([.. reports.Where(r => r.DueAt < digestTime).Select(r => r.Code)], [.. reports.Where(r => r.DueAt >= digestTime.AddMinutes(1)).Select(r => r.Code)]);
        }

        return (await CodesOf(viThanh), await CodesOf(ngaBay));
    }

    /// <summary>Posts the real settings form without the digest box ticked (the notices stay as they were).</summary>
    private async Task SwitchDigestOffAsync(string email)
    {
        using var http = await _app.SignedInHttpAsync(email);
        var page = await http.GetStringAsync("/Account/Manage/Notices");
        Assert.Contains("Nhận thư tổng hợp buổi sáng", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Matches("data-testid=\"digest-setting\"[^>]*checked|checked[^>]*data-testid=\"digest-setting\"", page);
        var fields = HtmlForms.HiddenFields(page);
        fields["Input.Toast"] = "true";
        fields["Input.TitleCount"] = "true";
        fields["Input.Browser"] = "true";
        using var response = await http.PostAsync("/Account/Manage/Notices", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await http.GetStringAsync("/Account/Manage/Notices");
        Assert.DoesNotMatch("data-testid=\"digest-setting\"[^>]*checked|checked[^>]*data-testid=\"digest-setting\"", after);
    }

    /// <summary>Every enabled head with a unit and every coordinator with an e-mail address, less those who switched it off.</summary>
    private async Task<List<string>> ExpectedRecipientsAsync()
    {
        await using var db = _app.CreateDbContext();
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.Email != null)
            .Select(u => new
            {
                u.Email,
                u.UnitId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
                Off = db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == "hg:digest" && c.ClaimValue == "off"),
            })
            .ToListAsync();
        return [.. users.Where(u => !u.Off && (u.Roles.Contains(Roles.Coordinator) || (u.UnitId != null && u.Roles.Contains(Roles.DepartmentHead)))).Select(u => u.Email!)];
    }

    private List<MimeMessage> Received() =>
        [.. _smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    private DateTime LocalNow() => WorkingCalendar.ToLocal(_app.Now);

    private static DateTime LocalToUtc(DateTime local) => WorkingCalendar.FromLocal(local);

    /// <summary>Moves the app's clock to 07:31 of a local date.</summary>
    private Task MoveToAsync(DateOnly day)
    {
        var target = LocalToUtc(day.ToDateTime(new TimeOnly(7, 31)));
        _app.Clock.Advance(target - _app.Now);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the scheduler (it looks every 50 ms in this app); gives up after a minute, and the assertions that follow say what is missing.</summary>
    private static async Task WaitForAsync(Func<bool> done)
    {
        var giveUp = Environment.TickCount64 + 60_000;
        while (!done() && Environment.TickCount64 < giveUp)
        {
            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Codes(List<string> Overdue, List<string> DueSoon);
}

/// <summary>The portal sending its digest to the test's SMTP server, looking at its clock every 50 ms.</summary>
public sealed class DigestApp(int smtpPort, DateTimeOffset start) : PortalApp(reports: 200, new Dictionary<string, string?>
{
    ["Email:SmtpHost"] = "127.0.0.1",
    ["Email:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Email:EnableSsl"] = "false",
    ["Email:From"] = "phananh@haugiang.demo",
    ["Digest:CheckSeconds"] = "0.05",
}, start: start);
