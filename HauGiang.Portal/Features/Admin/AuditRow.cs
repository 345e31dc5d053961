namespace HauGiang.Portal.Features.Admin;

public sealed record AuditRow(long Id, DateTime At, string UserName, string Action, string EntityType, string? EntityId, string? Before, string? After, string? Reason);
