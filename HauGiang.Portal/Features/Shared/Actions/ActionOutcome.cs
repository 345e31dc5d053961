namespace HauGiang.Portal.Features.Shared.Actions;

public enum ActionOutcome
{
    Done,
    NotFound,
    Conflict,
    Refused,
    Invalid,
}
