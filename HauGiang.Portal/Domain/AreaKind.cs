namespace HauGiang.Portal.Domain;

public enum AreaKind
{
    Ward = 0,     // phường
    Commune = 1,  // xã
}
