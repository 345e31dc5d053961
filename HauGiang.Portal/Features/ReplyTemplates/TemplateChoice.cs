namespace HauGiang.Portal.Features.ReplyTemplates;

public sealed record TemplateChoice(int Id, string Name);
