namespace HauGiang.Portal.Features.Reports;

public sealed record RevealedContact(string? Name, string? Phone, string? Email);
