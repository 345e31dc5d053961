using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record UnitRow(int Id, string Code, string Name, string? NameEn, UnitKind Kind, int? ParentId, string? ParentName, string? AreaName, bool IsActive, IReadOnlyList<string> Heads, int UserCount);
