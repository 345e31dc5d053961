using System.Globalization;
using System.Resources;

namespace HauGiang.Portal.Components.Account;

/// <summary>
/// Data-annotation messages for the Identity forms. DataAnnotations needs static string properties, so this
/// reads the same AccountResource.resx the pages use, in the request's UI culture.
/// </summary>
public static class AccountValidation
{
    private static readonly ResourceManager Resources = new("HauGiang.Portal.Resources.AccountResource", typeof(AccountValidation).Assembly);

    public static string Required => Get("Validation.Required");

    public static string Email => Get("Validation.Email");

    public static string PasswordLength => Get("Validation.PasswordLength");

    public static string PasswordMismatch => Get("Validation.PasswordMismatch");

    public static string CodeLength => Get("Validation.CodeLength");

    public static string Phone => Get("Validation.Phone");

    public static string PasskeyNameLength => Get("Validation.PasskeyNameLength");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
