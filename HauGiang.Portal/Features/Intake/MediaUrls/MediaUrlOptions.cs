namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>Fetching photos named by <c>media_url</c> (<c>Intake:MediaUrl</c> section).</summary>
public sealed class MediaUrlOptions
{
    public const string Section = "Intake:MediaUrl";

    /// <summary>Off: media_url is ignored (the notice says so), as before.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Host names (as written in the URL) that may resolve to loopback or private addresses. Empty by default: it
    /// exists for tests, whose image server runs on 127.0.0.1, and must name each host explicitly.
    /// </summary>
    public string[] AllowedPrivateHosts { get; set; } = [];

    /// <summary>The whole fetch (every redirect and the body) must end within this.</summary>
    public double TimeoutSeconds { get; set; } = 20;

    public int MaxRedirects { get; set; } = 3;

    /// <summary>Fetches waiting; beyond it a media_url is noted as not fetched at once.</summary>
    public int QueueCapacity { get; set; } = 1000;
}
