using System.Net;
using System.Net.Mail;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Components.Account;

/// <summary>SMTP settings (<c>Email</c> section). Without a host, no e-mail is sent and passwords are reset by an admin.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@haugiang.gov.vn";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);
}

/// <summary>Sends Identity's e-mails (password reset) in Vietnamese through SMTP when configured.</summary>
internal sealed class PortalEmailSender(IOptions<EmailOptions> options, ILogger<PortalEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Xác nhận email · HauGiang.Portal", $"Vui lòng xác nhận email bằng cách <a href='{confirmationLink}'>bấm vào đây</a>.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Đặt lại mật khẩu · HauGiang.Portal", $"Để đặt lại mật khẩu, <a href='{resetLink}'>bấm vào đây</a>. Nếu bạn không yêu cầu, hãy bỏ qua thư này.");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Đặt lại mật khẩu · HauGiang.Portal", $"Mã đặt lại mật khẩu của bạn: {WebUtility.HtmlEncode(resetCode)}");

    private async Task SendAsync(string to, string subject, string html)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            // No e-mail here: the message (and its link) must not end up in a log either.
            logger.LogInformation("E-mail is not configured; a message to a user was not sent.");
            return;
        }

        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.EnableSsl };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        using var message = new MailMessage(o.From, to, subject, html) { IsBodyHtml = true };
        await client.SendMailAsync(message);
    }
}
