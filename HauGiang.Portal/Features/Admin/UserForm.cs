namespace HauGiang.Portal.Features.Admin;

public sealed class UserForm
{
    /// <summary>Null creates a new account.</summary>
    public string? Id { get; set; }

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public HashSet<string> Roles { get; set; } = [];

    public int? UnitId { get; set; }

    /// <summary>The initial password of a new account (at least 10 characters); ignored on edit.</summary>
    public string? Password { get; set; }
}
