namespace HauGiang.Portal.Domain;

public enum CitizenRating
{
    Satisfied = 0,
    Acceptable = 1,
    NotSatisfied = 2,
}
