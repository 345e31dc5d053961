namespace HauGiang.Portal.Security;

/// <summary>
/// Where a "return to" address may send a user: a path on this site, nothing else. "//evil.example",
/// "/\evil.example" and "/%09/evil.example" lead elsewhere in some browsers; they become the home page, never an error.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || !Uri.IsWellFormedUriString(url, UriKind.Relative))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return false;
        }

        // Browsers drop tabs and newlines and read "\" as "/": none of them belongs in a path we send people to.
        return !decoded.Any(c => char.IsControl(c) || c == '\\') && !decoded.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>The address if it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
