using System.Globalization;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>The paging headers of the reads: X-Next-Cursor and RFC 8288 Link (next; or first, prev, next, last).</summary>
public static class Open311Paging
{
    /// <summary>Cursor paging: the next page's cursor and link, on every page but the last.</summary>
    public static void Next(HttpContext http, string? next)
    {
        if (next is null)
        {
            return;
        }

        http.Response.Headers["X-Next-Cursor"] = next;
        http.Response.Headers.Link = $"<{Url(http, "cursor", next)}>; rel=\"next\"";
    }

    /// <summary>
    /// Page-number paging (as GitHub's API gives it): first, prev, next and last, where they exist within the depth
    /// page numbers may reach.
    /// </summary>
    public static void Numbered(HttpContext http, int page, int pageSize, int total)
    {
        var last = Math.Max(1, (int)Math.Min((total + (long)pageSize - 1) / pageSize, Open311Query.MaxPagedRows / pageSize));
        string Link(int n, string rel) => $"<{Url(http, "page", n.ToString(CultureInfo.InvariantCulture))}>; rel=\"{rel}\"";
        var links = new List<string> { Link(1, "first") };
        if (page > 1)
        {
            links.Add(Link(Math.Min(page - 1, last), "prev"));
        }

        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
        }

        links.Add(Link(last, "last"));
        http.Response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>This request's URL with one parameter set (moved to the end, as the links always had it).</summary>
    private static string Url(HttpContext http, string name, string value)
    {
        var qs = QueryString.Create(http.Request.Query.Where(kv => kv.Key != name)
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new(name, value)));
        return $"{http.Request.PathBase}{http.Request.Path}{qs}";
    }
}
