namespace HauGiang.Portal.Features.Push;

public enum PushDeviceResult
{
    Saved,
    Invalid,
    EndpointNotAllowed,
}
