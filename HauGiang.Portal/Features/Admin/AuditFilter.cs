namespace HauGiang.Portal.Features.Admin;

public sealed record AuditFilter(string? Action = null, string? User = null, DateOnly? From = null, DateOnly? To = null, string? Text = null);
