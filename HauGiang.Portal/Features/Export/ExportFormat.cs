namespace HauGiang.Portal.Features.Export;

/// <summary>The two export formats.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}
