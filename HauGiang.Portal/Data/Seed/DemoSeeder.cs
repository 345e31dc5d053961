using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Data.Seed;

/// <summary>
/// Demo accounts and ~2,000 reports over the last 90 days, deterministic for a given day (fixed random seed).
/// Every report is routed by the real <see cref="Router"/> and handled through <see cref="ReportHandling"/>, so
/// its state, unit and timeline agree exactly as they would in real use. Positions are approximate: points are
/// scattered around the approximate centres of the wards and communes. Staff act only in office hours on working
/// days, as they do: on a Saturday or the day after Tết the demo shows the reports that came in meanwhile as new.
/// </summary>
internal sealed class DemoSeeder(PortalDbContext db, UserManager<ApplicationUser> userManager, DemoOptions options, TimeProvider clock)
{
    public const string Domain = "@haugiang.demo";

    /// <summary>The accounts listed in the README.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role, string UnitCode)> NamedAccounts =
    [
        ("admin" + Domain, "Quản trị hệ thống", Roles.Admin, ReferenceData.ProvinceCode),
        ("dieuphoi" + Domain, "Trần Minh Khoa", Roles.Coordinator, ReferenceData.ProvinceCode),
        ("truongphong.xaydung" + Domain, "Lê Văn Thành", Roles.DepartmentHead, ReferenceData.ConstructionDept),
        ("canbo.xaydung" + Domain, "Đặng Quốc Bảo", Roles.Officer, ReferenceData.ConstructionDept),
        ("canbo.vithanh" + Domain, "Nguyễn Văn An", Roles.Officer, ReferenceData.WardUnitCode("31321")),
        ("canbo2.vithanh" + Domain, "Huỳnh Thị Mai", Roles.Officer, ReferenceData.WardUnitCode("31321")),
        ("lanhdao.vithanh" + Domain, "Võ Minh Tâm", Roles.DepartmentHead, ReferenceData.WardUnitCode("31321")),
        ("canbo.ngabay" + Domain, "Phạm Thị Hoa", Roles.Officer, ReferenceData.WardUnitCode("31340")),
        ("lanhdao.ngabay" + Domain, "Lâm Quốc Việt", Roles.DepartmentHead, ReferenceData.WardUnitCode("31340")),
    ];

    private readonly Random _random = new(options.RandomSeed);
    private readonly Dictionary<int, List<Actor>> _officers = [];
    private readonly Dictionary<int, Actor> _heads = [];
    private Actor _coordinator = Actor.System;
    private WorkingCalendar _calendar = WorkingCalendar.Empty;

    public async Task SeedAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        await SeedUsersAsync(units);

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var calendar = _calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        var wardUnitByArea = units.Where(u => u.AreaId is not null).ToDictionary(u => u.AreaId!.Value, u => u.Id);
        var now = clock.GetUtcNow().UtcDateTime;

        var reports = new List<Report>();
        var duplicateCandidates = new List<Report>();
        for (var i = 0; i < options.Reports; i++)
        {
            var category = PickCategory(categories);
            var area = PickArea(areas);
            var received = now - TimeSpan.FromDays(90 * Math.Pow(_random.NextDouble(), 1.4)) - TimeSpan.FromMinutes(5);
            received = ShiftIntoDaytime(received);
            var (lat, lon) = Scatter(area);
            var decision = Router.Route(category, area.Id, rules, wardUnitByArea.GetValueOrDefault(area.Id));
            var report = new Report
            {
                Description = Describe(category.Code),
                CategoryId = category.Id,
                Latitude = lat,
                Longitude = lon,
                Address = Pick(DemoTexts.Streets) + ", " + area.Name,
                AreaId = area.Id,
                State = ReportState.New,
                Priority = category.HandlingDays <= 1 && _random.NextDouble() < 0.5 ? ReportPriority.Urgent : _random.NextDouble() < 0.1 ? ReportPriority.High : ReportPriority.Normal,
                Source = _random.NextDouble() < 0.85 ? ReportSource.CitizenApp : ReportSource.Hotline,
                ReceivedAt = received,
                DueAt = calendar.DueAtUtc(received, category.HandlingDays),
                IsPublic = _random.NextDouble() > 0.1,
            };
            ReportHandling.Receive(report, received, decision.UnitId);
            Handle(report, category, calendar, units, now, duplicateCandidates);
            reports.Add(report);
        }

        // Codes follow the order of receipt, per year, as intake would have issued them.
        var sequence = new Dictionary<int, int>();
        var contacts = new List<(Report Report, ReporterContact Contact)>();
        foreach (var r in reports.OrderBy(r => r.ReceivedAt))
        {
            var year = WorkingCalendar.ToLocal(r.ReceivedAt).Year;
            sequence[year] = sequence.GetValueOrDefault(year) + 1;
            r.Code = Report.FormatCode(year, sequence[year]);
            if (_random.NextDouble() < 0.7)
            {
                contacts.Add((r, FakeContact()));
            }
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(ct);

        // Contacts live apart from reports (no navigation), so they are linked once reports have ids.
        foreach (var (report, contact) in contacts)
        {
            contact.ReportId = report.Id;
            db.ReporterContacts.Add(contact);
        }

        // Duplicates need the original's id, so they are marked once everything has one.
        foreach (var dup in duplicateCandidates)
        {
            var original = reports
                .Where(o => o.Id != dup.Id && o.CategoryId == dup.CategoryId && o.ReceivedAt < dup.ReceivedAt && o.State != ReportState.Rejected)
                .OrderBy(o => Geo.DistanceMetres(o.Latitude, o.Longitude, dup.Latitude, dup.Longitude))
                .FirstOrDefault();
            if (original is null || dup.UnitId is null || !ReportWorkflow.IsAllowed(ReportAction.MarkDuplicate, dup, ActingRole.UnitOfficer))
            {
                continue;
            }

            var at = Later(dup.Events[^1].At, TimeSpan.FromHours(2), now);
            ReportHandling.MarkDuplicate(dup, OfficerOf(dup.UnitId.Value), at, original);
        }

        db.ReplyTemplates.AddRange(DemoReplyTemplates.Create(categories, units, now));
        await db.SaveChangesAsync(ct);

        // The reports were stored as a whole, not through the commit path: count them once (decision 019).
        await DashboardCounterStore.RebuildAsync(db, ct);
    }

    private void Handle(Report r, Category category, WorkingCalendar calendar, List<Unit> units, DateTime now, List<Report> duplicates)
    {
        if (r.UnitId is not { } unitId)
        {
            return;
        }

        var t = Later(r.ReceivedAt, TimeSpan.FromHours(Exp(5)), now);
        if (t >= now)
        {
            return; // not yet looked at: Mới
        }

        var roll = _random.NextDouble();
        if (roll < 0.04)
        {
            var reason = (RejectReason)_random.Next(0, 4);
            if (reason == RejectReason.Duplicate)
            {
                reason = RejectReason.Spam;
            }

            ReportHandling.Reject(r, OfficerOf(unitId), t, reason, Pick(DemoTexts.RejectNotes));
            return;
        }

        if (roll < 0.06)
        {
            duplicates.Add(r);
            return;
        }

        if (roll < 0.08)
        {
            // Not ours: the unit returns it; the coordinators route it to the right unit some hours later.
            ReportHandling.Return(r, OfficerOf(unitId), t, Pick(DemoTexts.ReturnNotes));
            var routed = Later(t, TimeSpan.FromHours(Exp(3)), now);
            if (routed >= now)
            {
                return;
            }

            var target = units.Where(u => u.Kind == UnitKind.Department && u.Id != unitId).OrderBy(u => u.Id == category.DefaultUnitId ? 0 : 1).First();
            ReportHandling.Route(r, _coordinator, routed, target.Id, Pick(DemoTexts.TransferNotes));
            unitId = target.Id;
            t = Later(routed, TimeSpan.FromHours(Exp(4)), now);
            if (t >= now)
            {
                return;
            }
        }
        else if (roll < 0.10 && units.FirstOrDefault(u => u.Id == unitId)?.ParentId is { } parent)
        {
            // Beyond the ward's means: escalated to the city, which then handles it as coordinator.
            ReportHandling.Escalate(r, OfficerOf(unitId), t, parent, Pick(DemoTexts.EscalationReasons));
            unitId = parent;
            t = Later(t, TimeSpan.FromHours(Exp(6)), now);
            if (t >= now)
            {
                return;
            }
        }

        var officer = OfficerOf(unitId);
        ReportHandling.Accept(r, officer, t);
        if (_officers.TryGetValue(unitId, out var staff) && _random.NextDouble() < 0.65)
        {
            var assignee = staff[_random.Next(staff.Count)];
            t = Later(t, TimeSpan.FromMinutes(5 + _random.Next(90)), now);
            if (t < now)
            {
                ReportHandling.Assign(r, officer, t, assignee.Id!, assignee.Name);
                officer = assignee;
            }
        }

        for (var n = _random.Next(0, 3); n > 0; n--)
        {
            t = Later(t, TimeSpan.FromHours(Exp(10)), now);
            if (t >= now)
            {
                return;
            }

            if (_random.NextDouble() < 0.5)
            {
                ReportHandling.AddNote(r, officer, t, Pick(DemoTexts.InternalNotes));
            }
            else
            {
                ReportHandling.PublicUpdate(r, officer, t, Pick(DemoTexts.ProgressUpdates));
            }
        }

        // Most are handled on time; some run late. Some ask for more time first.
        var onTime = _random.NextDouble() < 0.86;
        var span = r.DueAt - r.ReceivedAt;
        var resolveAt = r.ReceivedAt + (onTime ? span * (0.2 + (0.75 * _random.NextDouble())) : span * (1.1 + _random.NextDouble()));
        if (resolveAt <= t)
        {
            resolveAt = t.AddMinutes(30);
        }

        resolveAt = AtWork(resolveAt);

        if (!onTime && officer.Role != ActingRole.Coordinator && _random.NextDouble() < 0.4)
        {
            var asked = Later(t, TimeSpan.FromHours(Exp(8)), now);
            if (asked < now && asked < resolveAt)
            {
                ReportHandling.RequestExtension(r, officer, asked, calendar.DueAtUtc(r.DueAt, 3), Pick(DemoTexts.ExtensionReasons));
                var decided = Later(asked, TimeSpan.FromHours(Exp(6)), now);
                if (decided >= now || decided >= resolveAt)
                {
                    return; // waits for the head: Chờ duyệt gia hạn
                }

                if (_random.NextDouble() < 0.8)
                {
                    ReportHandling.ApproveExtension(r, HeadOf(unitId), decided, null);
                }
                else
                {
                    ReportHandling.RefuseExtension(r, HeadOf(unitId), decided, null);
                }

                t = decided;
            }
        }

        if (resolveAt >= now)
        {
            return; // still in progress (some of these are overdue or due soon)
        }

        var code = DemoTexts.Replies.ContainsKey(category.Code) ? category.Code : "khac";
        ReportHandling.Reply(r, officer, resolveAt, Pick(DemoTexts.Replies[code]));

        // Some citizens rate the result; "not satisfied" makes the head reopen it, a good rating closes it.
        var rated = resolveAt + TimeSpan.FromHours(Exp(20)); // citizens rate at any hour
        if (rated >= now || _random.NextDouble() < 0.45)
        {
            return;
        }

        var rating = _random.NextDouble() switch { < 0.7 => CitizenRating.Satisfied, < 0.9 => CitizenRating.Acceptable, _ => CitizenRating.NotSatisfied };
        r.Rating = rating;
        r.RatedAt = rated;
        r.Events.Add(new ReportEvent { At = rated, Type = ReportEventType.Rated, ActorName = "Người dân", FromState = r.State, ToState = r.State, FromUnitId = r.UnitId, ToUnitId = r.UnitId, Note = rating.ToString(), Visibility = EventVisibility.Public });
        if (rating == CitizenRating.NotSatisfied)
        {
            var reopened = Later(rated, TimeSpan.FromHours(Exp(4)), now);
            if (reopened < now)
            {
                ReportHandling.Reopen(r, HeadOf(unitId), reopened, calendar.DueAtUtc(reopened, category.HandlingDays), Pick(DemoTexts.ReopenReasons));
            }
        }
        else
        {
            ReportHandling.Close(r, Actor.System, rated.AddSeconds(1));
        }
    }

    private async Task SeedUsersAsync(List<Unit> units)
    {
        var byCode = units.ToDictionary(u => u.Code);
        string? hash = null;

        async Task<ApplicationUser> Create(string email, string name, string role, int unitId)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, UnitId = unitId };

            // Hash the shared demo password once; PBKDF2 per account would slow every start-up with a fresh database.
            hash ??= userManager.PasswordHasher.HashPassword(user, options.Password);
            user.PasswordHash = hash;
            var result = await userManager.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await userManager.AddToRoleAsync(user, role);
            var actor = new Actor(user.Id, name, role == Roles.DepartmentHead ? ActingRole.UnitHead : role == Roles.Officer ? ActingRole.UnitOfficer : ActingRole.Coordinator);
            if (role == Roles.Officer)
            {
                (_officers.TryGetValue(unitId, out var list) ? list : _officers[unitId] = []).Add(actor);
            }
            else if (role == Roles.DepartmentHead)
            {
                _heads[unitId] = actor;
            }
            else if (role == Roles.Coordinator)
            {
                _coordinator = actor;
            }

            return user;
        }

        foreach (var (email, name, role, unitCode) in NamedAccounts)
        {
            await Create(email, name, role, byCode[unitCode].Id);
        }

        // One more officer for every unit that has none yet, so that every report can be handled by a person.
        foreach (var unit in units.Where(u => u.Kind != UnitKind.Province && !_officers.ContainsKey(u.Id)).OrderBy(u => u.Code))
        {
            var name = Pick(DemoTexts.OfficerFamilyNames) + " " + Pick(DemoTexts.OfficerGivenNames);
            await Create("canbo." + unit.Code.ToLowerInvariant().Replace("ubnd-", "", StringComparison.Ordinal) + Domain, name, Roles.Officer, unit.Id);
        }
    }

    private Actor OfficerOf(int unitId) => _officers.TryGetValue(unitId, out var list) ? list[0] : _coordinator;

    private Actor HeadOf(int unitId) => _heads.TryGetValue(unitId, out var head) ? head : _coordinator;

    private Category PickCategory(List<Category> categories)
    {
        // Rubbish, pavements, lights, roads and flooding make up most reports, as in every city.
        static int Weight(string code) => code switch
        {
            "rac-thai" => 14, "lan-chiem-via-he" => 12, "den-chieu-sang" => 10, "duong-hu-hong" => 9, "ngap-nuoc" => 8,
            "tieng-on" => 5, "cay-xanh" => 4, "dau-xe-sai-quy-dinh" => 4, "xay-dung-trai-phep" => 4, "o-nhiem-kenh-rach" => 4,
            _ => 2,
        };
        var total = categories.Sum(c => Weight(c.Code));
        var x = _random.Next(total);
        foreach (var c in categories)
        {
            x -= Weight(c.Code);
            if (x < 0)
            {
                return c;
            }
        }

        return categories[^1];
    }

    private Area PickArea(List<Area> areas)
    {
        // Wards (phường) are towns and get more reports than rural communes; Vị Thanh and Ngã Bảy most of all.
        static int Weight(Area a) => a.Code is "31321" or "31340" ? 12 : a.Kind == AreaKind.Ward ? 4 : 1;
        var total = areas.Sum(Weight);
        var x = _random.Next(total);
        foreach (var a in areas)
        {
            x -= Weight(a);
            if (x < 0)
            {
                return a;
            }
        }

        return areas[^1];
    }

    private (double Lat, double Lon) Scatter(Area area)
    {
        // Roughly normal around the (approximate) centre, within about 1.5 km.
        double Gauss() => (_random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5) / 1.5;
        return (Math.Round(area.CenterLatitude + (Gauss() * 0.012), 6), Math.Round(area.CenterLongitude + (Gauss() * 0.012), 6));
    }

    private DateTime ShiftIntoDaytime(DateTime utc)
    {
        var local = WorkingCalendar.ToLocal(utc);
        var hour = 6 + _random.Next(0, 16);
        var shifted = WorkingCalendar.FromLocal(local.Date.AddHours(hour).AddMinutes(_random.Next(60)));
        return shifted < utc ? shifted : utc;
    }

    private string Describe(string categoryCode)
    {
        var texts = DemoTexts.Descriptions.TryGetValue(categoryCode, out var t) ? t : DemoTexts.Descriptions["khac"];
        return Pick(texts).Replace("{street}", Pick(DemoTexts.Streets), StringComparison.Ordinal);
    }

    private ReporterContact FakeContact() => new()
    {
        Name = Pick(DemoTexts.OfficerFamilyNames) + " " + Pick(DemoTexts.OfficerGivenNames),
        Phone = "09" + _random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        DeviceId = "demo-device-" + _random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private double Exp(double meanHours) => -meanHours * Math.Log(1 - _random.NextDouble());

    /// <summary>When staff next act, <paramref name="by"/> after <paramref name="t"/>: in office hours, and never after now.</summary>
    private DateTime Later(DateTime t, TimeSpan by, DateTime now)
    {
        var at = AtWork(t + by);
        return at > now ? now : at;
    }

    /// <summary>The moment itself if it falls in office hours (07:30–17:00 on a working day), else soon after the next opening.</summary>
    private DateTime AtWork(DateTime utc)
    {
        var local = WorkingCalendar.ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        var opens = new TimeOnly(7, 30);
        if (_calendar.IsWorkingDay(day) && TimeOnly.FromDateTime(local) is var time && time < WorkingCalendar.EndOfOfficeDay)
        {
            if (time >= opens)
            {
                return utc;
            }
        }
        else
        {
            day = _calendar.AddWorkingDays(day, 1);
        }

        return WorkingCalendar.FromLocal(day.ToDateTime(opens).AddMinutes(_random.Next(90)));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
