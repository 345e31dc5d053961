namespace HauGiang.Portal.Features.Admin;

public sealed record AuditLogPage(IReadOnlyList<AuditRow> Rows, long? NextBefore);
