using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

/// <summary>The flow page's saving and publishing: a draft is checked when saved, and leaving with edits not saved asks first.</summary>
public partial class FlowDetailsPage
{
    private async Task SaveAsync() => await SaveCoreAsync(announce: true);

    private async Task<bool> SaveCoreAsync(bool announce)
    {
        _busy = true;
        _errors.Clear();
        try
        {
            if (CurrentOrShowError() is not { } definition)
            {
                return false;
            }

            _flow = await Flows.SaveDraftAsync(Key, definition, CancellationToken.None);
            _definition = definition;
            _savedJson = FlowJson.Serialize(definition);
            if (_activeTab == JsonTab)
            {
                _design = FlowDesign.From(definition);
                _history.Reset(_design);
                Recheck();
            }

            if (announce)
            {
                Snackbar.Add("Draft saved. Publish it to make it run.", Severity.Success);
            }

            return true;
        }
        catch (ValidationException ex)
        {
            _errors.Set(ex);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Whether what is on screen differs from the saved draft.</summary>
    private bool HasUnsavedEdits => Current(out _) is not { } current || FlowJson.Serialize(current) != _savedJson;

    /// <summary>Leaving with edits not saved asks first, so a designed flow is not lost to a stray click.</summary>
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (_loading || _missing || !HasUnsavedEdits)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync("Edits not saved",
            "This flow has edits that are not saved. Leave and lose them?", yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private async Task PublishAsync()
    {
        // Publishing what is on screen: unsaved edits are saved (and checked) first.
        if (HasUnsavedEdits && !await SaveCoreAsync(announce: false))
        {
            return;
        }

        var waiting = await Flows.CountWaitingRemindersAsync(Key, CancellationToken.None);
        var parameters = new DialogParameters<PublishFlowDialog>
        {
            { d => d.FlowKey, Key },
            { d => d.NextVersion, (_flow?.PublishedVersion ?? 0) + 1 },
            { d => d.WaitingReminders, waiting },
        };
        var dialog = await Dialogs.ShowAsync<PublishFlowDialog>("Publish flow", parameters);
        if (await dialog.Result is not { Canceled: false, Data: bool moveReminders })
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Flows.PublishAsync(Key, moveReminders, CancellationToken.None);
            _flow = await Flows.FindAsync(Key, CancellationToken.None);
            Snackbar.Add($"Version {result.Version} is live." + (result.MovedReminders > 0 ? $" {result.MovedReminders} waiting reminders moved to it." : ""), Severity.Success);
        }
        catch (ValidationException ex)
        {
            _errors.Set(ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
