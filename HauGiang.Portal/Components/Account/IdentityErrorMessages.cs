using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HauGiang.Portal.Components.Account;

/// <summary>
/// Identity's error descriptions are English; the account pages show them through AccountResource
/// ("IdentityError.{Code}"), falling back to Identity's own text for codes without a translation.
/// </summary>
internal static class IdentityErrorMessages
{
    public static string Describe(this IStringLocalizer<AccountResource> localizer, IEnumerable<IdentityError> errors) =>
        string.Join(" ", errors
            .Select(error => localizer[$"IdentityError.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : error.Description)
            .Distinct(StringComparer.Ordinal));
}
