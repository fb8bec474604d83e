using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Inbox;

/// <summary>
/// Sends a recipient who opens a staff entry page (the overview, the inbox list) to their own inbox, the one page that is
/// theirs, instead of a "No access" page whose way back leads to the same place.
/// </summary>
public sealed class RecipientLanding(AuthenticationStateProvider auth, UserManager<NotifyUser> users, NavigationManager navigation)
{
    /// <summary>True when the signed-in person is not staff and has been sent on; the page then shows nothing of its own.</summary>
    public async Task<bool> SendRecipientOnAsync()
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Support)) return false;
        var me = await users.GetUserAsync(user);
        navigation.NavigateTo(me?.ContactKey is { Length: > 0 } key ? $"inbox/{Uri.EscapeDataString(key)}" : "account/denied", replace: true);
        return true;
    }
}
