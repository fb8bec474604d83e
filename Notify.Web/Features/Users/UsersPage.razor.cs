using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Domain.Common;

namespace Notify.Web.Features.Users;

public partial class UsersPage
{
    private IReadOnlyList<StaffMember>? _members;
    private string? _error;
    private int _version; // drawn anew after each change, so a refused role change shows the role the person still has

    [Inject] private StaffService Staff { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _members = await Staff.ListAsync(CancellationToken.None);

    private async Task InviteAsync()
    {
        var dialog = await Dialogs.ShowAsync<InviteStaffDialog>("Invite a staff member", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: StaffMember invited })
        {
            Snackbar.Add($"Invitation sent to {invited.Email}.", Severity.Success);
            await ReloadAsync();
        }
    }

    private Task ChangeRoleAsync(StaffMember member, string role) =>
        ApplyAsync(member, new StaffBody(null, role, null), $"{member.Name} is now {StaffService.Words(role)}.");

    private async Task SetActiveAsync(StaffMember member, bool active)
    {
        if (!active)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync("Deactivate account",
                $"Deactivate {member.Name}? They are signed out within a minute and cannot sign in until an admin reactivates the account. Nothing they did is removed.",
                yesText: "Deactivate", cancelText: "Cancel");
            if (confirmed != true) return;
        }

        await ApplyAsync(member, new StaffBody(null, null, active), active ? $"{member.Name} can sign in again." : $"{member.Name} is deactivated.");
    }

    private async Task ResetAsync(StaffMember member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Reset password",
            $"Reset {member.Name}'s password? The current one stops working at once, and {member.Email} gets a one-time code to choose a new one.",
            yesText: "Reset", cancelText: "Cancel");
        if (confirmed != true) return;
        await RunAsync(() => Staff.ResetPasswordAsync(member.Email, Navigation.ToAbsoluteUri("account/code").ToString(), CancellationToken.None),
            $"A sign-in code was emailed to {member.Email}.");
    }

    private Task ApplyAsync(StaffMember member, StaffBody change, string done) =>
        RunAsync(() => Staff.ChangeAsync(member.Email, change, CancellationToken.None), done);

    private async Task RunAsync(Func<Task> change, string done)
    {
        _error = null;
        try
        {
            await change();
            Snackbar.Add(done, Severity.Success);
        }
        catch (ValidationException ex)
        {
            _error = string.Join(" ", ex.Errors.Select(e => e.Message));
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _members = await Staff.ListAsync(CancellationToken.None);
        _version++;
    }
}
