namespace HauGiang.Portal.Features.Admin;

/// <summary>What an admin operation answers: done, or why not (a key in AdminResource, with an optional argument).</summary>
public sealed record AdminResult(bool Succeeded, string MessageKey, string? Argument = null)
{
    public static AdminResult Done(string key = "Admin.Saved") => new(true, key);

    public static AdminResult Invalid(string key, string? argument = null) => new(false, key, argument);

    /// <summary>The page may be open to coordinators read-only; every change is re-checked here.</summary>
    public static readonly AdminResult Refused = new(false, "Admin.Refused");

    public static readonly AdminResult NotFound = new(false, "Admin.NotFound");
}
