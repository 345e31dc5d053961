using System.Net;

namespace HauGiang.Portal.Domain;

/// <summary>
/// The hosts an API client's media_url photos may come from (<see cref="ApiClient.MediaHosts"/>): exact host names,
/// lower case, one per line. A host name allows https only and public addresses only; an IP address written out
/// (e.g. 127.0.0.1 for tests, an intranet image server) is the explicit naming that also allows http and a private
/// or loopback address — a name that merely resolves to one never does (DNS can be made to say anything).
/// </summary>
public static class ApiClientHosts
{
    public const int MaxHosts = 20;
    public const int MaxTextLength = 2000;

    /// <summary>
    /// The admin's text (commas, spaces or lines; "https://host/" is taken as host) as stored, or null with the
    /// offending entry when one is not a host name or an IP address.
    /// </summary>
    public static (string? Stored, string? Invalid) Normalize(string? text)
    {
        var hosts = new List<string>();
        foreach (var raw in (text ?? "").Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim().ToLowerInvariant();
            if (entry.StartsWith("https://", StringComparison.Ordinal) || entry.StartsWith("http://", StringComparison.Ordinal))
            {
                entry = entry[(entry.IndexOf("//", StringComparison.Ordinal) + 2)..].TrimEnd('/');
            }

            entry = entry.Trim('[', ']');
            if (entry.Length is 0 or > 253 || Uri.CheckHostName(entry) is UriHostNameType.Unknown or UriHostNameType.Basic)
            {
                return (null, raw);
            }

            if (!hosts.Contains(entry))
            {
                hosts.Add(entry);
            }
        }

        if (hosts.Count > MaxHosts)
        {
            return (null, hosts[MaxHosts]);
        }

        var stored = string.Join('\n', hosts);
        return stored.Length > MaxTextLength ? (null, hosts[^1]) : (stored.Length == 0 ? null : stored, null);
    }

    public static IReadOnlyList<string> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a URL's host (as <see cref="Uri.IdnHost"/>, without brackets) is one of the client's.</summary>
    public static bool Allows(IReadOnlyList<string> hosts, string host) =>
        hosts.Contains(host.Trim('[', ']').ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>An IP address written out in the list: the admin named that very address, so it may be private (and http).</summary>
    public static bool IsNamedAddress(IReadOnlyList<string> hosts, string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out _) && Allows(hosts, host);
}
