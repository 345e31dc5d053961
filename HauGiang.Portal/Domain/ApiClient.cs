namespace HauGiang.Portal.Domain;

/// <summary>An application (the citizen app, a partner) allowed to post through Open311.</summary>
public sealed class ApiClient
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Contact { get; set; }

    /// <summary>SHA-256 of the key; the key itself is shown once and never stored.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, to recognise it in lists.</summary>
    public string KeyPrefix { get; set; } = "";

    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>A sandbox client (an integrator testing): its reports are marked <see cref="Report.IsTest"/>.</summary>
    public bool IsTest { get; set; }

    /// <summary>
    /// The hosts this client's media_url photos may come from, one per line (exact host names, https only unless a
    /// private address is named for tests). Empty: no media_url of this client is fetched.
    /// </summary>
    public string? MediaHosts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
