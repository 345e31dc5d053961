namespace HauGiang.Portal.Domain;

public enum RejectReason
{
    Spam = 0,
    Duplicate = 1,
    OutsideScope = 2,
    NotEnoughInformation = 3,
}
