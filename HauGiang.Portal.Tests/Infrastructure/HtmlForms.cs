using System.Net;
using System.Text.RegularExpressions;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>Reads a server-rendered form as a browser would post it: its hidden fields (antiforgery token, return address).</summary>
public static partial class HtmlForms
{
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in HiddenInput().Matches(html))
        {
            fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }

        return fields;
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
