namespace HauGiang.Portal.Domain;

/// <summary>Who acts on a report, and in which capacity (already checked against scope by the caller).</summary>
public sealed record Actor(string? Id, string Name, ActingRole Role)
{
    public static Actor System { get; } = new(null, "Hệ thống", ActingRole.Coordinator);
}
