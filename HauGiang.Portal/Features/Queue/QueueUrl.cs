using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace HauGiang.Portal.Features.Queue;

/// <summary>The queue's URL for a filter, so that any view (and any dashboard figure) can link to it.</summary>
public static class QueueUrl
{
    public static string For(QueueFilter f)
    {
        var query = new Dictionary<string, string?>
        {
            ["tab"] = f.Tab == QueueTab.New ? null : f.Tab.ToString(),
            ["cat"] = f.CategoryId?.ToString(CultureInfo.InvariantCulture),
            ["area"] = f.AreaId?.ToString(CultureInfo.InvariantCulture),
            ["from"] = f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mine"] = f.AssignedToMe ? "true" : null,
            ["q"] = f.Text,
            ["sort"] = f.Sort == QueueSort.Deadline ? null : f.Sort.ToString(),
        };
        return QueryHelpers.AddQueryString("/queue", query.Where(kv => kv.Value is not null));
    }
}
