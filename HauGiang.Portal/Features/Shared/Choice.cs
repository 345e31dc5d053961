namespace HauGiang.Portal.Features.Shared;

/// <summary>One entry of a pick list (filters, forms): the value stored and the label shown.</summary>
public sealed record Choice<T>(T Value, string Label);
