using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Admin;

public sealed record CategoryRow(
    int Id, string Code, string Group, string GroupEn, string NameVi, string NameEn, string Icon, string Color,
    int HandlingDays, HandlingLevel Level, int? DefaultUnitId, string? DefaultUnitName, bool IsActive, int SortOrder, int ReportCount);
