namespace HauGiang.Portal.Features.Intake;

public enum RatingOutcome
{
    Done,
    NotFound,
    NotYours,
    NotResolved,
    Conflict,
}
