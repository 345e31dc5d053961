using System.Text.RegularExpressions;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Shared;

/// <summary>
/// How the queue answers its free-text filter. A tracking code goes to the unique index. Other text is folded
/// (<see cref="SearchText"/>) and means "these words in this order, the last one possibly unfinished", answered in one
/// of two ways that give the same rows:
/// <list type="bullet">
/// <item>few matches (SQLite): their ids come from the full-text index <c>ReportSearch</c> (FTS5), so a word that
/// matches little or nothing costs a lookup instead of a read of every report in scope;</item>
/// <item>many matches, or another provider: <c>LIKE '% words%'</c> on <see cref="Report.SearchText"/>, checked along the
/// queue's own index order, which finds a page of common words after a short walk.</item>
/// </list>
/// </summary>
internal sealed partial class TextMatch
{
    /// <summary>Above this many matches a page is found faster by walking the queue order than by fetching them all.</summary>
    internal const int ManyMatches = 5000;

    private readonly string? _code;
    private readonly string _folded;
    private readonly IReadOnlyList<long>? _ids;
    private readonly bool _useIndex;
    private readonly bool _walkScope;

    private TextMatch(string? code, string folded, IReadOnlyList<long>? ids, bool useIndex, bool walkScope = false)
    {
        _code = code;
        _folded = folded;
        _ids = ids;
        _useIndex = useIndex;
        _walkScope = walkScope;
    }

    /// <summary>Decides how to answer <paramref name="text"/>; null when there is nothing to search for.</summary>
    public static async Task<TextMatch?> FindAsync(PortalDbContext db, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var scan = Scan(text);
        if (scan._code is not null || scan._folded.Length == 0 || !db.Database.IsSqlite())
        {
            return scan;
        }

        var found = await db.Database
            .SqlQuery<long>($"SELECT rowid AS Value FROM ReportSearch WHERE ReportSearch MATCH {scan.FullTextQuery} LIMIT {ManyMatches + 1}")
            .ToListAsync(ct);
        return found.Count <= ManyMatches ? new TextMatch(null, scan._folded, found, useIndex: false) : scan;
    }

    /// <summary>Without looking at the data: the code index or a scan (any provider).</summary>
    public static TextMatch Scan(string text)
    {
        var code = text.Trim().ToUpperInvariant();
        return TrackingCode().IsMatch(code)
            ? new TextMatch(code, "", null, useIndex: false)
            : new TextMatch(null, SearchText.Fold(text), null, useIndex: false);
    }

    /// <summary>
    /// For counts, which read every match anyway: the index (SQLite) beats a scan of the whole scope. With
    /// <paramref name="narrowScope"/> (a unit's or a department's reports, fewer than a common phrase's matches across
    /// the province) the scope's own index is walked and each id checked against the matches, instead of looking up
    /// every match: 45 ms against 100 ms for 53,000 matches and a ward of 131,000 reports.
    /// </summary>
    public TextMatch ForCounting(bool narrowScope) =>
        _ids is null && _code is null ? new TextMatch(null, _folded, null, useIndex: true, walkScope: narrowScope) : this;

    /// <summary>FTS5 syntax: the folded words as one phrase, the last one as a prefix ("via he" *).</summary>
    private string FullTextQuery => "\"" + _folded + "\" *";

    public IQueryable<Report> Apply(PortalDbContext db, IQueryable<Report> query)
    {
        if (_code is not null)
        {
            return query.Where(r => r.Code == _code);
        }

        if (_folded.Length == 0)
        {
            // Only punctuation: nothing to look for, so nothing matches (rather than everything).
            return query.Where(r => false);
        }

        if (_ids is not null)
        {
            return query.Where(r => _ids.Contains(r.Id));
        }

        if (_useIndex && db.Database.IsSqlite())
        {
            var matches = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM ReportSearch WHERE ReportSearch MATCH {FullTextQuery}");

            // "+ 0" keeps SQLite from driving the query by the matches' ids, so that it walks the scope instead.
            return _walkScope ? query.Where(r => matches.Contains(r.Id + 0)) : query.Where(r => matches.Contains(r.Id));
        }

        // Folded text holds only letters, digits and single spaces: nothing to escape for LIKE.
        var pattern = "% " + _folded + "%";
        return query.Where(r => EF.Functions.Like(r.SearchText, pattern));
    }

    [GeneratedRegex(@"^HG-\d{4}-\d{6,}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
