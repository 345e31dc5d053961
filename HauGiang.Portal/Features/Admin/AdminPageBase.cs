using System.Globalization;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// What every admin page needs: the signed-in user, whether they may change things (admins) or only look
/// (coordinators), and a snackbar for the service's answer. The services re-check the role on every change.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<AdminResource> Text { get; set; } = default!;

    protected PortalUser? CurrentUser { get; private set; }

    protected bool CanEdit => CurrentUser.CanAdminister();

    protected static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            CurrentUser = PortalUser.From((await AuthenticationState).User);
        }

        await LoadAsync();
    }

    protected abstract Task LoadAsync();

    /// <summary>Shows the answer; reloads the page's data after a success. Returns whether it succeeded.</summary>
    protected async Task<bool> ShowAsync(AdminResult result)
    {
        Snackbar.Add(Message(result), result.Succeeded ? Severity.Success : Severity.Error);
        if (result.Succeeded)
        {
            await LoadAsync();
        }

        return result.Succeeded;
    }

    protected string Message(AdminResult result) => Text[result.MessageKey, result.Argument ?? ""];
}
