using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HauGiang.Portal.Localization;

/// <summary>
/// MudBlazor's built-in texts (the table pager's buttons, the date picker's arrows, "Close", "Required"…) come in
/// English only; this gives them in the user's language from <see cref="MudResource"/>. A key not there keeps
/// MudBlazor's English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<MudResource> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];
}
