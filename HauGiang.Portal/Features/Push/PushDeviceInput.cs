namespace HauGiang.Portal.Features.Push;

public sealed record PushDeviceInput(string? Endpoint, PushDeviceKeys? Keys);
