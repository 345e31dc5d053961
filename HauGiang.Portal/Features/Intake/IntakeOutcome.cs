namespace HauGiang.Portal.Features.Intake;

public enum IntakeOutcome
{
    Created,
    Invalid,
    UnknownCategory,
    OutsideServiceArea,
}
