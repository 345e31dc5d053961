namespace HauGiang.Portal.Domain;

public enum ReportPriority
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}
