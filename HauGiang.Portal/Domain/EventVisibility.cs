namespace HauGiang.Portal.Domain;

public enum EventVisibility
{
    Internal = 0,
    Public = 1,
}
