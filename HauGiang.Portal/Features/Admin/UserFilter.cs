namespace HauGiang.Portal.Features.Admin;

public sealed record UserFilter(string? Text = null, string? Role = null, int? UnitId = null, bool IncludeDisabled = true);
