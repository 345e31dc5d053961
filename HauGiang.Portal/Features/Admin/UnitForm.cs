namespace HauGiang.Portal.Features.Admin;

public sealed record UnitForm(int Id, string Name, string? NameEn, int? ParentId);
