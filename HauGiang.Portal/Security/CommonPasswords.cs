using System.Reflection;
using HauGiang.Portal.Data;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Portal.Security;

/// <summary>
/// Refuses passwords that appear in breach lists (OWASP ASVS 5.0 §6.2: a deny-list of common and breached
/// passwords, no composition rules). The list ships with the app (Security/common-passwords.txt, source and licence
/// in Security/common-passwords.README.md) and is read once; the comparison ignores case, so "Password123" is
/// refused like "password123".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is too common: it appears in lists of breached passwords." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }

    private const string ResourceName = "HauGiang.Portal.Security.common-passwords.txt";
}
