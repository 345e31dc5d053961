namespace HauGiang.Portal.Features.ReplyTemplates;

/// <summary>What a change answers: done, or why not (a key in ReplyTemplateResource, with an optional argument).</summary>
public sealed record TemplateResult(bool Succeeded, string MessageKey, string? Argument = null)
{
    public static readonly TemplateResult Saved = new(true, "Template.Saved");
    public static readonly TemplateResult Deleted = new(true, "Template.Deleted");
    public static readonly TemplateResult Refused = new(false, "Template.Refused");
    public static readonly TemplateResult NotFound = new(false, "Template.NotFound");

    public static TemplateResult Invalid(string key, string? argument = null) => new(false, key, argument);
}
