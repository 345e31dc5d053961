namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>A query parameter the reads refuse: the resource key of the 400 and its argument.</summary>
public sealed record QueryProblem(string Key, string? Argument = null);
