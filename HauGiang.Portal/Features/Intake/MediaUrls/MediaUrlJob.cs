namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>A photo to fetch for a report that has already been created (and answered 201).</summary>
/// <param name="AllowedHosts">The sending client's image hosts (<see cref="Domain.ApiClientHosts"/>): the URL and every redirect must stay on them.</param>
public sealed record MediaUrlJob(long ReportId, string Url, IReadOnlyList<string> AllowedHosts);
