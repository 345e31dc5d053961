namespace HauGiang.Portal.Domain;

public enum UnitKind
{
    Province = 0,
    Department = 1,
    Ward = 2,
    Commune = 3,
}
