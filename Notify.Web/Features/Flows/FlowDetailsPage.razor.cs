using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

public partial class FlowDetailsPage
{
    private Flow? _flow;
    private FlowDefinition? _definition;
    private string _json = "";
    private bool _loading = true;
    private bool _busy;
    private readonly FieldErrors _errors = new();
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public string Key { get; set; } = "";

    [SupplyParameterFromQuery(Name = "new")] public bool IsNew { get; set; }

    [Inject] private FlowService Flows { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Flows", "flows"), new(Key, null, disabled: true)];
        _flow = await Flows.FindAsync(Key, CancellationToken.None);
        _definition = _flow?.Draft() ?? Starter();
        _json = FlowJson.Serialize(_definition);
        _loading = false;
    }

    private static FlowDefinition Starter() => new()
    {
        Name = "New flow",
        Trigger = new TriggerDefinition { Event = "record.status_changed", RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps = [new SendStepDefinition { Id = "send", Channels = ["email"], Template = "order-ready", Recipients = ["customer"] }],
    };

    private async Task SaveAsync()
    {
        _busy = true;
        _errors.Clear();
        try
        {
            var definition = FlowJson.Deserialize(_json);
            _flow = await Flows.SaveDraftAsync(Key, definition, CancellationToken.None);
            _definition = definition;
            Snackbar.Add("Draft saved. Publish it to make it run.", Severity.Success);
        }
        catch (JsonException ex)
        {
            _errors.Set(new ValidationException(string.IsNullOrEmpty(ex.Path) ? "json" : ex.Path, ex.Message.Split(" Path:")[0]));
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

    private async Task PublishAsync()
    {
        var waiting = await Flows.CountWaitingRemindersAsync(Key, CancellationToken.None);
        var parameters = new DialogParameters<PublishFlowDialog>
        {
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
