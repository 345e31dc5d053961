using System.Globalization;
using System.Text;
using HauGiang.Portal.Data;
using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Intake.MediaUrls;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.EntityFrameworkCore;
using HauGiang.Portal.Features.Shared;

namespace HauGiang.Portal.Features.Intake;

/// <summary>
/// The one way a report comes in (Open311, the officers' form, the demo feed): validate, locate and route it, set
/// its deadline from the working calendar, issue its tracking code, and store the report, its first timeline event,
/// its photos and (apart) the reporter's contact in one transaction.
/// </summary>
public sealed class IntakeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IntakeRouter router,
    ReferenceDataCache reference,
    CalendarService calendars,
    PhotoService photos,
    MediaUrlQueue mediaUrls,
    IntakeWriter writer,
    TimeProvider clock,
    Live.ReportFeed feed,
    Telemetry.PortalMetrics metrics,
    ILogger<IntakeService> logger)
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxAddressLength = 500;

    /// <summary>An active category by its Open311 service_code (from <see cref="ReferenceDataCache"/>: a deactivation applies at once).</summary>
    public async Task<Category?> FindCategoryAsync(string code, CancellationToken ct) =>
        (await reference.GetAsync(ct)).ActiveCategory(code);

    /// <summary>The active categories, in the admins' order, for the officers' form.</summary>
    public async Task<IReadOnlyList<Category>> ActiveCategoriesAsync(CancellationToken ct = default) =>
        (await reference.GetAsync(ct)).ActiveCategories;

    /// <summary>Where a report would go, for the form's preview: null unit = the coordinators.</summary>
    public async Task<RoutingOutcome?> PreviewAsync(string? categoryCode, double? lat, double? lon, int? areaId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(categoryCode) || await FindCategoryAsync(categoryCode, ct) is not { } category)
        {
            return null;
        }

        if (lat is { } la && lon is { } lo)
        {
            return await router.RouteAsync(category, la, lo, ct);
        }

        var area = areaId is { } id ? (await reference.GetAsync(ct)).Areas.FirstOrDefault(a => a.Id == id) : null;
        return area is null ? null : await router.RouteToAreaAsync(category, area, ct);
    }


    /// <summary>The service_notice of a created request: where it went and its deadline.</summary>
    public static string Notice(string? unitName, DateTime dueAt, bool english) =>
        IntakeText.Get("Open311.Notice", english, unitName ?? IntakeText.Get("Open311.Coordinators", english))
        + " " + IntakeText.Get("Open311.NoticeDue", english, Localization.VietnamTime.FormatDateTime(dueAt));

    /// <summary>A sandbox request's notice: stored, not sent to anyone, and where a real one would have gone.</summary>
    public static string TestNotice(string? unitName, DateTime dueAt, bool english) =>
        IntakeText.Get("Open311.TestNotice", english) + " " + Notice(unitName, dueAt, english);

    /// <summary>The notice of a stored request, as its first answer gave it (an idempotent replay): one query.</summary>
    public async Task<string> NoticeAsync(string code, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Reports.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.UnitId, x.DueAt, x.IsTest }).FirstAsync(ct);
        var unitName = await router.UnitNameAsync(r.UnitId, english, ct);
        return r.IsTest ? TestNotice(unitName, r.DueAt, english) : Notice(unitName, r.DueAt, english);
    }

    /// <summary>Whether media_urls are fetched at all (a setting): a replay's notice says so as the first answer did.</summary>
    public bool FetchesMediaUrls => mediaUrls.Enabled;

    /// <summary>The name of a unit (for previews and confirmations).</summary>
    public Task<string?> UnitNameAsync(int unitId, CancellationToken ct = default) => router.UnitNameAsync(unitId, english: false, ct);

    /// <summary>
    /// Checks everything a report must be — an active category, its text, its contact, the answers to the category's
    /// questions, a place inside the province, its photos — then stores it. Every channel gets the same checks, in
    /// this order: the cheap ones first, the photos (decoded and re-encoded) last.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(IntakeRequest request, CancellationToken ct)
    {
        var category = string.IsNullOrWhiteSpace(request.CategoryCode) ? null : await FindCategoryAsync(request.CategoryCode, ct);
        if (category is null)
        {
            return IntakeResult.Refused(string.IsNullOrWhiteSpace(request.CategoryCode) ? IntakeOutcome.Invalid : IntakeOutcome.UnknownCategory,
                string.IsNullOrWhiteSpace(request.CategoryCode) ? "Intake.CategoryRequired" : "Intake.UnknownCategory", request.CategoryCode);
        }

        var description = request.Description.Trim();
        if (description.Length == 0)
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Intake.DescriptionRequired");
        }

        if (description.Length > MaxDescriptionLength)
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Intake.DescriptionTooLong", MaxDescriptionLength.ToString(CultureInfo.InvariantCulture));
        }

        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        if (address is { Length: > MaxAddressLength })
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Intake.AddressTooLong", MaxAddressLength.ToString(CultureInfo.InvariantCulture));
        }

        if (ContactError(request.Contact) is { } contactError)
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, contactError);
        }

        string? answers = null;
        if (request.Answers is { } given)
        {
            var (text, attributeError, attributeCode) = ServiceAttributes.Validate(category.Code, code => given.GetValueOrDefault(code) ?? []);
            if (attributeError is not null)
            {
                return IntakeResult.Refused(IntakeOutcome.Invalid, attributeError, attributeCode);
            }

            answers = text;
        }

        if (request.Latitude is { } badLat && !double.IsFinite(badLat) || request.Longitude is { } badLon && !double.IsFinite(badLon))
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Intake.LatLongInvalid");
        }

        if (request.Photos.Count + request.Uploads.Count > photos.MaxPerReport)
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Photo.TooMany", photos.MaxPerReport.ToString(CultureInfo.InvariantCulture));
        }

        // Where: a GPS point (located), else the ward/commune an officer picked, else one named in the address.
        double lat, lon;
        RoutingOutcome routing;
        if (request.Latitude is { } la && request.Longitude is { } lo)
        {
            routing = await router.RouteAsync(category, la, lo, ct);
            if (routing.OutsideServiceArea)
            {
                return IntakeResult.Refused(IntakeOutcome.OutsideServiceArea, "Intake.OutsideServiceArea");
            }

            (lat, lon) = (Math.Round(la, 6), Math.Round(lo, 6));
        }
        else if (request.Latitude is not null || request.Longitude is not null)
        {
            return IntakeResult.Refused(IntakeOutcome.Invalid, "Intake.LatLongBoth");
        }
        else
        {
            var all = (await reference.GetAsync(ct)).Areas;
            var area = request.AreaId is { } areaId ? all.FirstOrDefault(a => a.Id == areaId) : AreaNamedIn(all, address);
            if (area is null)
            {
                return IntakeResult.Refused(IntakeOutcome.Invalid, request.AreaId is null ? "Intake.LocationRequired" : "Intake.UnknownArea");
            }

            routing = await router.RouteToAreaAsync(category, area, ct);
            (lat, lon) = (area.CenterLatitude, area.CenterLongitude);
        }

        // All photos are checked before anything is stored (docs/decisions/006).
        var prepared = new List<PreparedPhoto>(request.Photos);
        foreach (var upload in request.Uploads)
        {
            await using var stream = upload.Open();
            var check = await photos.PrepareAsync(stream, ct);
            if (check.Photo is null)
            {
                return new(IntakeOutcome.Invalid, null, check.ErrorKey, check.Argument, upload.Name);
            }

            prepared.Add(check.Photo);
        }

        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new Report
        {
            Description = description,
            CategoryId = category.Id,
            Latitude = lat,
            Longitude = lon,
            Address = address,
            AreaId = routing.Area?.Id,
            Priority = request.Priority,
            Source = request.Source,
            ReceivedAt = now,
            DueAt = calendar.DueAtUtc(now, category.HandlingDays),
            ApiClientId = request.ApiClientId,
            IsTest = request.IsTest,
        };

        // A sandbox report goes to nobody: without a unit, and hidden from the coordinators by ReportScope.
        var received = ReportHandling.Receive(report, now, request.IsTest ? null : routing.UnitId);
        if (request.TakenBy is { } officer)
        {
            received.ActorId = officer.Id;
            received.ActorName = officer.Name;
        }

        var note = string.Join("; ", new[] { request.Details, answers }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()));
        received.Note = note.Length == 0 ? null : Truncate(note, MaxDescriptionLength);

        // Files first (with fresh random keys); if the transaction fails they are removed again.
        var stored = new List<ReportPhoto>();
        try
        {
            foreach (var p in prepared)
            {
                stored.Add(await photos.WriteFilesAsync(p, PhotoKind.Citizen, ct));
            }

            report.Photos.AddRange(stored);
            var contact = request.Contact is { IsEmpty: false } c
                ? new ReporterContact { Name = Clean(c.Name), Phone = Clean(c.Phone), Email = Clean(c.Email), DeviceId = Clean(c.DeviceId), AccountId = Clean(c.AccountId) }
                : null;
            await writer.WriteAsync(new IntakeWriter.Item(report, contact, request.IdempotencyRecordId));
        }
        catch
        {
            await photos.DeleteFilesAsync(stored, CancellationToken.None);
            throw;
        }

        using var logScope = Telemetry.ReportLog.Scope(logger, report.Code);
        var unitName = await router.UnitNameAsync(routing.UnitId, english: false, ct);
        var unitNameEn = await router.UnitNameAsync(routing.UnitId, english: true, ct);
        var mediaQueued = QueueMediaUrls(report.Id, request);
        if (report.IsTest)
        {
            logger.LogInformation("Received sandbox report {Code} ({Category}); not routed (would go to unit {Unit})", report.Code, category.Code, routing.UnitId);
            return new(IntakeOutcome.Created, new ReceivedReport(report.Id, report.Code, routing.UnitId, unitName, routing.Area?.Name, routing.Reason, report.ReceivedAt, report.DueAt, IsTest: true)
            {
                UnitNameEn = unitNameEn,
                MediaQueued = mediaQueued,
            });
        }

        metrics.ReportReceived(report.Source);
        logger.LogInformation("Received {Code} ({Category}) → unit {Unit} ({Reason})", report.Code, category.Code, report.UnitId, routing.Reason);

        // The unit's officers (and the coordinators) see it appear at once: queue, map, home counts.
        feed.Publish(new Live.ReportChange(report.Id, report.Code, report.UnitId, null, report.State, report.Version, IsNew: true, received.ActorId, received.ActorName, now));
        return new(IntakeOutcome.Created, new ReceivedReport(report.Id, report.Code, report.UnitId, unitName, routing.Area?.Name, routing.Reason, report.ReceivedAt, report.DueAt)
        {
            UnitNameEn = unitNameEn,
            MediaQueued = mediaQueued,
        });
    }

    /// <summary>
    /// The photos at the request's media_urls are fetched after the answer, in the background: a slow or hostile
    /// image server never delays or fails the report itself. One fetch per URL (FixMyStreet repeats the field), up to
    /// the photo limit.
    /// </summary>
    private bool QueueMediaUrls(long reportId, IntakeRequest request)
    {
        var queued = false;
        if (mediaUrls.Enabled)
        {
            foreach (var url in request.MediaUrls.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).Take(photos.MaxPerReport))
            {
                queued |= mediaUrls.TryEnqueue(new MediaUrlJob(reportId, url, request.MediaHosts));
            }
        }

        return queued;
    }

    private static string? ContactError(IntakeContact? c)
    {
        if (c is null)
        {
            return null;
        }

        if (c.Name is { Length: > 200 } || c.DeviceId is { Length: > 200 } || c.AccountId is { Length: > 200 })
        {
            return "Intake.ContactTooLong";
        }

        if (!string.IsNullOrWhiteSpace(c.Email) && (c.Email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(c.Email.Trim(), out _)))
        {
            return "Intake.EmailInvalid";
        }

        if (!string.IsNullOrWhiteSpace(c.Phone) && (c.Phone.Length > 50 || !c.Phone.Trim().All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '.' or '(' or ')')))
        {
            return "Intake.PhoneInvalid";
        }

        return null;
    }

    /// <summary>The area whose full name ("Phường Vị Thanh", "Xã Vị Thanh 1") appears in the address; the longest match wins.</summary>
    internal static Area? AreaNamedIn(IReadOnlyList<Area> all, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = " " + Fold(address) + " ";
        return all.Select(a => (Area: a, Name: Fold(a.Name)))
            .Where(x => text.Contains(" " + x.Name + " ", StringComparison.Ordinal))
            .OrderByDescending(x => x.Name.Length)
            .Select(x => x.Area)
            .FirstOrDefault();
    }

    /// <summary>Lower case, no diacritics (đ → d), punctuation as spaces: "Phường Vị Thanh," → "phuong vi thanh".</summary>
    internal static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
