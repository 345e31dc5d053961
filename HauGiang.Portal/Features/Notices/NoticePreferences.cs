using System.Security.Claims;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Notices;

/// <summary>
/// How a user wants to hear of new work: a toast in the page, the count in the tab's title, a short sound, and a
/// browser notification while the tab is hidden (where this browser allows them). Kept as Identity user claims
/// ("hg:notify:…" = "on"/"off", absent = the default), so no table and no migration are needed (decision 010).
/// </summary>
public sealed record NoticePreferences(bool Toast = true, bool TitleCount = true, bool Sound = false, bool Browser = true)
{
    public const string ClaimPrefix = "hg:notify:";
    public const string ToastClaim = ClaimPrefix + "toast";
    public const string TitleCountClaim = ClaimPrefix + "title";
    public const string SoundClaim = ClaimPrefix + "sound";
    public const string BrowserClaim = ClaimPrefix + "browser";

    public static NoticePreferences Default { get; } = new();

    /// <summary>Nothing to hear: the page then does not even subscribe to the feed.</summary>
    public bool Any => Toast || TitleCount || Sound || Browser;

    /// <summary>Reads them from stored claims (type, value); unknown or absent values keep the default.</summary>
    public static NoticePreferences From(IEnumerable<(string? Type, string? Value)> claims)
    {
        var values = claims.Where(c => c.Type is not null).GroupBy(c => c.Type!).ToDictionary(g => g.Key, g => g.Last().Value);
        bool Read(string type, bool fallback) => values.TryGetValue(type, out var v) ? v switch { "on" => true, "off" => false, _ => fallback } : fallback;
        return new(Read(ToastClaim, Default.Toast), Read(TitleCountClaim, Default.TitleCount), Read(SoundClaim, Default.Sound), Read(BrowserClaim, Default.Browser));
    }

    public IEnumerable<Claim> ToClaims() =>
    [
        new(ToastClaim, Toast ? "on" : "off"),
        new(TitleCountClaim, TitleCount ? "on" : "off"),
        new(SoundClaim, Sound ? "on" : "off"),
        new(BrowserClaim, Browser ? "on" : "off"),
    ];

    /// <summary>The user's preferences, straight from the database (one small query when a page's circuit starts).</summary>
    public static async Task<NoticePreferences> ReadAsync(IDbContextFactory<PortalDbContext> dbFactory, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claims = await db.UserClaims.AsNoTracking()
            .Where(c => c.UserId == userId && c.ClaimType!.StartsWith(ClaimPrefix))
            .Select(c => new { c.ClaimType, c.ClaimValue })
            .ToListAsync(ct);
        return From(claims.Select(c => (c.ClaimType, c.ClaimValue)));
    }

    /// <summary>Stores them through Identity (does not touch the security stamp, so no session ends).</summary>
    public async Task<IdentityResult> SaveAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var old = (await users.GetClaimsAsync(user)).Where(c => c.Type.StartsWith(ClaimPrefix, StringComparison.Ordinal)).ToList();
        if (old.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, old);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddClaimsAsync(user, ToClaims());
    }
}
