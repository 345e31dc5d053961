namespace HauGiang.Portal.Features.Admin;

public enum BoundaryFeatureStatus
{
    Matched,
    MissingCode,
    UnknownCode,
    DuplicateCode,
    InvalidGeometry,
}
