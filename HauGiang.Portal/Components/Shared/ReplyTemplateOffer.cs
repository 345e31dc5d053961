namespace HauGiang.Portal.Components.Shared;

/// <summary>A reply template offered in the action dialog, its placeholders already filled for the report.</summary>
public sealed record ReplyTemplateOffer(int Id, string Title, string Text);
