namespace HauGiang.Portal.Features.Intake;

/// <summary>A row of the API clients screen.</summary>
public sealed record ApiClientRow(int Id, string Name, string? Contact, string KeyPrefix, int RequestsPerMinute, DateTime CreatedAt, DateTime? RevokedAt, int Reports, bool IsTest = false, string? MediaHosts = null);
