namespace HauGiang.Portal.Features.Intake;

/// <summary>A client just created, with its key: the only moment the key exists outside the caller's hands.</summary>
public sealed record NewApiClient(int Id, string Name, string Key);
