namespace HauGiang.Portal.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? UnitId, string? UnitName, bool IsDisabled, bool IsLockedOut);
