using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows;

public partial class FlowDetailsPage
{
    private Flow? _flow;
    private bool _trialOpen;
    private Notify.Workflows.Runtime.DryRunResult? _trial;
    private Notify.Workflows.Runtime.DryRunRecord? _trialStart;
    private FlowDefinition? _definition;
    private FlowDesign? _design;
    private DesignerCatalog? _catalog;
    private NodeProblems? _problems;
    private string? _selected;
    private readonly FlowHistory _history = new();
    private string _json = "";
    private string _savedJson = "";
    private int _activeTab;
    private bool _loading = true;
    private bool _busy;
    private readonly FieldErrors _errors = new();
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public string Key { get; set; } = "";

    [SupplyParameterFromQuery(Name = "new")] public bool IsNew { get; set; }

    [SupplyParameterFromQuery(Name = "name")] public string? NewName { get; set; }

    [SupplyParameterFromQuery(Name = "start")] public string? Starter { get; set; }

    /// <summary>No flow has this key, and none is being made: the page says so instead of offering an editor.</summary>
    private bool _missing;

    [Inject] private FlowService Flows { get; set; } = default!;

    [Inject] private Microsoft.EntityFrameworkCore.IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext> DbFactory { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private FlowValidator Validator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Flows", "flows"), new(Key, null, disabled: true)];
        _flow = await Flows.FindAsync(Key, CancellationToken.None);
        _missing = _flow is null && !IsNew;
        if (_missing)
        {
            _loading = false;
            return;
        }

        _definition = _flow?.Draft() ?? FlowStarters.Create(Starter, string.IsNullOrWhiteSpace(NewName) ? Key : NewName.Trim());
        _catalog = await DesignerCatalog.LoadAsync(DbFactory, CancellationToken.None);
        _design = FlowDesign.From(_definition);
        _history.Reset(_design);
        Recheck();
        _json = FlowJson.Serialize(_definition);
        _savedJson = _flow is null ? "" : _json;
        _loading = false;
    }

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
                _history.Record(_design);
                Recheck();
            }

            _activeTab = value;
        }
    }

    private const int JsonTab = 2;

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

    /// <summary>After any edit: remember it for undo and check the flow again, so the nodes' badges are current.</summary>
    private void OnDesignChanged()
    {
        if (_design is null) return;
        _history.Record(_design);
        Recheck();
    }

    private void Recheck()
    {
        if (_design is not null && _catalog is not null) _problems = NodeProblems.Of(_design, _catalog, Validator);
    }

    private static string CheckSummary(NodeProblems problems) =>
        (problems.ErrorCount > 0 ? $"{Words.Count(problems.ErrorCount, "thing")} to fix before the flow can be saved. " : "") +
        (problems.WarningCount > 0 ? $"{Words.Count(problems.WarningCount, "thing")} worth a look." : "");

    private void UndoAsync()
    {
        if (_design is not null && _history.Undo(_design)) Recheck();
    }

    private void RedoAsync()
    {
        if (_design is not null && _history.Redo(_design)) Recheck();
    }

    private void SelectAsync(string node) => _selected = node;

    private void AddFromOutlineAsync(string kind)
    {
        if (_design is null) return;
        var lowest = _design.Layout.Values.DefaultIfEmpty(new NodePosition(0, -FlowLayout.RowHeight)).MaxBy(p => p.Y)!;
        var step = _design.Add(kind, new NodePosition(lowest.X, lowest.Y + FlowLayout.RowHeight));
        _selected = step.Id;
        OnDesignChanged();
    }

    private async Task RemoveStepAsync(StepDesign step)
    {
        if (_design is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove step",
            $"Remove '{step.Title ?? step.Info.Label}' ({step.Id})? Arrows into it will end the run instead. Nothing changes until you save, and Undo brings it back.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true) return;
        _design.Remove(_design.Steps.IndexOf(step));
        _selected = null;
        OnDesignChanged();
    }

    /// <summary>Opens the trial on the canvas tab, where the path it takes is lit.</summary>
    private void OpenTrial()
    {
        _trialOpen = true;
        ActiveTab = 0;
    }

    /// <summary>From the impact preview: the trial opens on the canvas with this record picked.</summary>
    private void OpenTrialOnAsync(Notify.Workflows.Runtime.DryRunRecord record)
    {
        _trialStart = record;
        OpenTrial();
    }

    private async Task ReloadFlowAsync() => _flow = await Flows.FindAsync(Key, CancellationToken.None);

    /// <summary>After a restore: the page shows the new draft, as if just opened.</summary>
    private async Task ReloadAsync()
    {
        await OnParametersSetAsync();
        ActiveTab = 0;
    }
}
