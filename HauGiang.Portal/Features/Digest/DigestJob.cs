using System.Globalization;
using HauGiang.Portal.Components.Account;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HauGiang.Portal.Features.Digest;

/// <summary>
/// The morning digest: on a working day of the calendar (weekends, holidays and days off skipped, make-up Saturdays
/// kept), from <see cref="DigestOptions.TimeOfDay"/> on, every department head (their unit) and coordinator
/// (every unit) who has an e-mail address and did not switch it off gets one message. Looks at the app's clock
/// every <see cref="DigestOptions.CheckSeconds"/> as the backup scheduler does, so a moved clock or a restart after
/// 07:30 still sends. Each (user, local date) is claimed by inserting a <see cref="DigestSend"/> row before sending,
/// so several instances and later looks never send it twice; a message that could not be sent gives its claim back.
/// </summary>
public sealed class DigestJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    CalendarService calendars,
    IStringLocalizer<DigestResource> text,
    IOptions<ReportOptions> reportOptions,
    IOptions<DigestOptions> options,
    IOptions<EmailOptions> email,
    IServer server,
    TimeProvider clock,
    ILogger<DigestJob> logger) : BackgroundService
{
    /// <summary>Looks once: sends today's digests not sent yet, if it is time; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var local = WorkingCalendar.ToLocal(now);
        var today = DateOnly.FromDateTime(local);
        var calendar = await calendars.GetAsync(ct);
        if (!settings.Enabled || !email.Value.IsConfigured || TimeOnly.FromDateTime(local) < settings.LocalTime || !calendar.IsWorkingDay(today))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await Recipients(db, today).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return 0;
        }

        if (BaseUrl() is not { } baseUrl)
        {
            logger.LogWarning("The digest is not sent: set Digest:PublicUrl, the portal's address for the links in the mail");
            return 0;
        }

        // The same window as the queue's "Sắp đến hạn" tab: N working days later, same time of day.
        var limitDay = calendar.AddWorkingDays(today, reportOptions.Value.DueSoonWorkingDays);
        var dueSoonLimit = WorkingCalendar.FromLocal(limitDay.ToDateTime(TimeOnly.FromDateTime(local)));
        var content = await DigestContent.ReadAsync(db, now, dueSoonLimit, today.AddDays(-1), ct);

        // The digest is Vietnamese whatever culture this background thread has.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var mail = new DigestMail(text, baseUrl, Math.Max(1, settings.MaxListed));
        using var smtp = new SmtpClient();
        var sent = 0;
        foreach (var r in recipients)
        {
            IReadOnlyList<UnitDigest> sections = r.IsCoordinator ? content.ProvinceWide() : [content.ForUnit(r.UnitId!.Value)];
            var message = mail.Write(email.Value.From, r.Email!, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email! : r.DisplayName, r.IsCoordinator, sections, now);
            if (!await ClaimAsync(r.Id, today, now, ct))
            {
                continue;
            }

            try
            {
                await SendAsync(smtp, message, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Given back: the next look tries again (an SMTP server that is down today is retried every look).
                await ReleaseAsync(r.Id, today, CancellationToken.None);
                logger.LogWarning(e, "The digest to a user could not be sent; trying again at the next look");
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} morning digests for {Date}", sent, today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !email.Value.IsConfigured)
        {
            logger.LogInformation("The morning digest is off ({Reason})", settings.Enabled ? "no Email:SmtpHost" : "Digest:Enabled");
            return;
        }

        _ = settings.LocalTime; // a wrong TimeOfDay fails at start, not every morning
        var interval = TimeSpan.FromSeconds(Math.Clamp(settings.CheckSeconds, 0.05, 3600));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The morning digest failed; trying again at the next look");
                }

                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; what was not sent is sent by the next look after a start.
        }
    }

    /// <summary>Enabled heads (with a unit) and coordinators with an e-mail address, not switched off, not yet sent today.</summary>
    private static IQueryable<DigestRecipient> Recipients(PortalDbContext db, DateOnly today)
    {
        var coordinators = RoleHolders(db, Domain.Roles.Coordinator);
        var heads = RoleHolders(db, Domain.Roles.DepartmentHead);
        return db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && u.Email != "")
            .Where(u => coordinators.Contains(u.Id) || (u.UnitId != null && heads.Contains(u.Id)))
            .Where(u => !db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == DigestPreference.Claim && c.ClaimValue == DigestPreference.Off))
            .Where(u => !db.DigestSends.Any(d => d.UserId == u.Id && d.LocalDate == today))
            .OrderBy(u => u.Email)
            .Select(u => new DigestRecipient(u.Id, u.Email, u.DisplayName, u.UnitId, coordinators.Contains(u.Id)));
    }

    private static IQueryable<string> RoleHolders(PortalDbContext db, string role) =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);

    private async Task SendAsync(SmtpClient smtp, MimeMessage message, CancellationToken ct)
    {
        var o = email.Value;
        if (!smtp.IsConnected)
        {
            // EnableSsl as System.Net.Mail means it for the password-reset mail: TLS on connect on 465, STARTTLS otherwise.
            var security = !o.EnableSsl ? SecureSocketOptions.None : o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
        }

        await smtp.SendAsync(message, ct);
    }

    /// <summary>The portal's public address, else the first address Kestrel listens on that a browser could open.</summary>
    private string? BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            return options.Value.PublicUrl.TrimEnd('/');
        }

        return server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.TrimEnd('/'))
            .FirstOrDefault(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Host is not ("0.0.0.0" or "[::]" or "+" or "*"));
    }

    private async Task<bool> ClaimAsync(string userId, DateOnly day, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DigestSends.Add(new DigestSend { UserId = userId, LocalDate = day, SentAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task ReleaseAsync(string userId, DateOnly day, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.DigestSends.Where(d => d.UserId == userId && d.LocalDate == day).ExecuteDeleteAsync(ct);
    }
}

internal sealed record DigestRecipient(string Id, string? Email, string DisplayName, int? UnitId, bool IsCoordinator);
