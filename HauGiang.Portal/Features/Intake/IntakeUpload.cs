namespace HauGiang.Portal.Features.Intake;

/// <summary>A photo file as received, opened when the intake checks it (after the cheap checks).</summary>
public sealed record IntakeUpload(string Name, Func<Stream> Open);
