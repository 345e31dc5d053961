namespace HauGiang.Portal.Domain;

public enum PhotoKind
{
    Citizen = 0,
    Result = 1,
}
