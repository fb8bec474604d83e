using Microsoft.AspNetCore.Components;
using Notify.Web.Components.Shared;

namespace Notify.Web.Features.Flows.Designer.Steps;

/// <summary>What every step kind's editor is given: the step, its place, the flow, what can be picked, the errors, and whom to tell of an edit.</summary>
public abstract class StepEditor : ComponentBase
{
    [Parameter, EditorRequired] public StepDesign Step { get; set; } = default!;

    [Parameter, EditorRequired] public int Index { get; set; }

    [Parameter, EditorRequired] public FlowDesign Design { get; set; } = default!;

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public FieldErrors Errors { get; set; } = default!;

    /// <summary>Raised after any edit, so the page can tell the admin there are edits not yet saved.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    protected Task Touched() => Changed.InvokeAsync();

    protected string? For(string field) => Errors.For($"steps[{Index}].{field}");

    protected bool Has(string field) => For(field) is not null;

    protected string TestId(string field) => $"step-{Index}-{field}";

    /// <summary>The other steps a jump can go to, labelled the way the admin sees them.</summary>
    protected IEnumerable<(string Id, string Label)> Targets => FlowTargets.Of(Design, Step);
}
