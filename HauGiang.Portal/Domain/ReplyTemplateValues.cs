namespace HauGiang.Portal.Domain;

/// <summary>What the placeholders of a template stand for, for one report.</summary>
/// <param name="DueAtUtc">The report's deadline; shown as its Vietnamese date, dd/MM/yyyy.</param>
public sealed record ReplyTemplateValues(string Code, string Category, string Address, string Unit, DateTime DueAtUtc);
