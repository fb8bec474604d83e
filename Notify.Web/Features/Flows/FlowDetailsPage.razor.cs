using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Features.Flows;

public partial class FlowDetailsPage
{
    private Flow? _flow;
    private FlowDefinition? _definition;
    private FlowDesign? _design;
    private DesignerCatalog? _catalog;
    private string _json = "";
    private string _savedJson = "";
    private int _activeTab;
    private bool _loading = true;
    private bool _busy;
    private readonly FieldErrors _errors = new();
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public string Key { get; set; } = "";

    [SupplyParameterFromQuery(Name = "new")] public bool IsNew { get; set; }

    [Inject] private FlowService Flows { get; set; } = default!;

    [Inject] private Microsoft.EntityFrameworkCore.IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext> DbFactory { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Flows", "flows"), new(Key, null, disabled: true)];
        _flow = await Flows.FindAsync(Key, CancellationToken.None);
        _definition = _flow?.Draft() ?? Starter();
        _catalog = await DesignerCatalog.LoadAsync(DbFactory, CancellationToken.None);
        _design = FlowDesign.From(_definition);
        _json = FlowJson.Serialize(_definition);
        _savedJson = _flow is null ? "" : _json;
        _loading = false;
    }

    private static FlowDefinition Starter() => new()
    {
        Name = "New flow",
        Trigger = new TriggerDefinition { Event = "record.status_changed", RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps = [new SendStepDefinition { Id = "send", Channels = ["email"], Template = "order-ready", Recipients = ["customer"] }],
    };

    /// <summary>Switching tabs carries the flow across: the designer's flow into the JSON, or valid JSON into the designer.</summary>
    private int ActiveTab
    {
        get => _activeTab;
        set
        {
            if (value == _activeTab || _design is null)
            {
                return;
            }

            if (value == JsonTab)
            {
                _json = FlowJson.Serialize(_design.ToDefinition());
            }
            else if (CurrentOrShowError() is { } parsed)
            {
                _design = FlowDesign.From(parsed);
            }

            _activeTab = value;
        }
    }

    private const int JsonTab = 1;

    /// <summary>The flow as it stands in whichever tab is open; null with the reason when the JSON does not parse.</summary>
    private FlowDefinition? Current(out JsonException? error)
    {
        error = null;
        if (_activeTab != JsonTab)
        {
            return _design!.ToDefinition();
        }

        try
        {
            return FlowJson.Deserialize(_json);
        }
        catch (JsonException ex)
        {
            error = ex;
            return null;
        }
    }

    /// <summary>Like <see cref="Current"/>, but a JSON error is shown to the admin.</summary>
    private FlowDefinition? CurrentOrShowError()
    {
        var definition = Current(out var error);
        if (error is not null)
        {
            _errors.Set(new ValidationException(string.IsNullOrEmpty(error.Path) ? "json" : error.Path, error.Message.Split(" Path:")[0]));
        }

        return definition;
    }

    /// <summary>Nothing to do but re-render, so "Edits not saved" shows as soon as the designer changes.</summary>
    private static void OnDesignChanged()
    {
    }

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
        if (_loading || !HasUnsavedEdits)
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
