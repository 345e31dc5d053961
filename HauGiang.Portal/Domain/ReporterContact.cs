namespace HauGiang.Portal.Domain;

/// <summary>
/// The reporter's contact, kept in its own table so that no query of a unit's pages can pull it in by accident.
/// Only users allowed to reveal it see it, and each reveal is audited.
/// </summary>
public sealed class ReporterContact
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? DeviceId { get; set; }

    public string? AccountId { get; set; }
}
