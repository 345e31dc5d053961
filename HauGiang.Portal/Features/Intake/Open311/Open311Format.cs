namespace HauGiang.Portal.Features.Intake.Open311;

public enum Open311Format
{
    Json,
    Xml,
}
