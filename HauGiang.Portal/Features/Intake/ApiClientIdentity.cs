using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Intake;

/// <summary>An API client as a request sees it once its key is checked.</summary>
/// <param name="IsTest">A sandbox client: its reports are stored and answered but never reach officers.</param>
/// <param name="MediaHosts">The hosts its media_urls may come from (<see cref="ApiClientHosts"/>).</param>
public sealed record ApiClientIdentity(int Id, string Name, int RequestsPerMinute, bool IsTest, IReadOnlyList<string> MediaHosts);
