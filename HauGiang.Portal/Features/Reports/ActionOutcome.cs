namespace HauGiang.Portal.Features.Reports;

public enum ActionOutcome
{
    Done,
    NotFound,
    Conflict,
    Refused,
    Invalid,
}
