using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HauGiang.Portal.Features.Shared;

/// <summary>A filter's URL form (the queue's by default), so that any view (and any dashboard figure) can link to it.</summary>
public static class ReportFilterUrl
{
    public static string For(ReportFilter f) => For("/queue", f, QueueTab.New);

    /// <summary>The same filter as a query string on another path (the map, its data endpoint).</summary>
    public static string For(string path, ReportFilter f, QueueTab defaultTab)
    {
        var query = new Dictionary<string, string?>
        {
            ["tab"] = f.Tab == defaultTab ? null : f.Tab.ToString(),
            ["cat"] = f.CategoryId?.ToString(CultureInfo.InvariantCulture),
            ["area"] = f.AreaId?.ToString(CultureInfo.InvariantCulture),
            ["from"] = f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mine"] = f.AssignedToMe ? "true" : null,
            ["q"] = f.Text,
            ["sort"] = f.Sort == QueueSort.Deadline ? null : f.Sort.ToString(),
            ["unit"] = f.UnitId?.ToString(CultureInfo.InvariantCulture),
            ["group"] = f.CategoryGroup,
            ["officer"] = f.AssigneeId,
            ["rfrom"] = f.ResolvedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["rto"] = f.ResolvedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ratedfrom"] = f.RatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ratedto"] = f.RatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(path, query.Where(kv => kv.Value is not null));
    }

    /// <summary>Reads a filter from a query string (the inverse of <see cref="For(string, ReportFilter, QueueTab)"/>).</summary>
    public static ReportFilter Parse(IQueryCollection q, QueueTab defaultTab) => new()
    {
        Tab = Enum.TryParse<QueueTab>(q["tab"], true, out var tab) ? tab : defaultTab,
        CategoryId = int.TryParse(q["cat"], CultureInfo.InvariantCulture, out var c) ? c : null,
        AreaId = int.TryParse(q["area"], CultureInfo.InvariantCulture, out var a) ? a : null,
        From = DateOnly.TryParseExact(q["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        To = DateOnly.TryParseExact(q["to"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
        AssignedToMe = q["mine"] == "true",
        Text = string.IsNullOrWhiteSpace(q["q"]) ? null : q["q"].ToString(),
        Sort = Enum.TryParse<QueueSort>(q["sort"], true, out var sort) ? sort : QueueSort.Deadline,
        UnitId = int.TryParse(q["unit"], CultureInfo.InvariantCulture, out var u) ? u : null,
        CategoryGroup = string.IsNullOrWhiteSpace(q["group"]) ? null : q["group"].ToString(),
        AssigneeId = string.IsNullOrWhiteSpace(q["officer"]) ? null : q["officer"].ToString(),
        ResolvedFrom = DateOnly.TryParseExact(q["rfrom"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rf) ? rf : null,
        ResolvedTo = DateOnly.TryParseExact(q["rto"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rt) ? rt : null,
        RatedFrom = DateOnly.TryParseExact(q["ratedfrom"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var af) ? af : null,
        RatedTo = DateOnly.TryParseExact(q["ratedto"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
    };
}
