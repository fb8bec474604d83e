using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Versions;

/// <summary>The flow's history, read from the same service as the versions API; restoring asks first and hands the new draft to the page.</summary>
public partial class FlowVersionsPanel
{
    private IReadOnlyList<FlowVersionSummary>? _versions;
    private int? _open;
    private FlowDesign? _openDesign;
    private NodeProblems? _openProblems;

    [Inject] private FlowService Flows { get; set; } = default!;

    [Inject] private FlowValidator Validator { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public string Key { get; set; } = "";

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    /// <summary>A version became the draft: the page loads it.</summary>
    [Parameter] public EventCallback Restored { get; set; }

    protected override async Task OnParametersSetAsync() => _versions = await Flows.VersionsAsync(Key, CancellationToken.None);

    private async Task OpenAsync(int version)
    {
        _openDesign = FlowDesign.From(await Flows.VersionAsync(Key, version, CancellationToken.None));
        _openProblems = NodeProblems.Of(_openDesign, Catalog, Validator);
        _open = version;
    }

    private async Task RestoreAsync(int version)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Restore a version",
            $"Make version {version} the draft? The draft as it is now is replaced (what was published stays in this history). Nothing changes for " +
            "people until you publish the draft.", yesText: "Restore", cancelText: "Cancel");
        if (confirmed != true) return;
        await Flows.RestoreAsync(Key, version, CancellationToken.None);
        Snackbar.Add($"Version {version} is the draft again. Publish it to make it live.", Severity.Success);
        _open = null;
        await Restored.InvokeAsync();
    }
}
