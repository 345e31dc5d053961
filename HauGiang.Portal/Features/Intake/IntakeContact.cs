namespace HauGiang.Portal.Features.Intake;

/// <summary>The reporter's contact as given; stored only in ReporterContacts, never returned by a public read.</summary>
public sealed record IntakeContact(string? Name, string? Phone, string? Email, string? DeviceId, string? AccountId)
{
    public bool IsEmpty => new[] { Name, Phone, Email, DeviceId, AccountId }.All(string.IsNullOrWhiteSpace);
}
