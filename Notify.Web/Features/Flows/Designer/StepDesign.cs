using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>
/// One step as the designer edits it: the step's own definition, replaced by each edit (definitions are immutable),
/// with the fields every kind has. What a kind has beyond those is its editor's business (<see cref="Steps.StepDesigners"/>).
/// </summary>
public sealed class StepDesign(StepDefinition definition)
{
    public StepDefinition Definition { get; private set; } = definition;

    public string Kind => Definition.Kind;

    /// <summary>This step's kind as the engine describes it: label, help, exits.</summary>
    public StepKind Info => StepKinds.Of(Definition);

    public string Id
    {
        get => Definition.Id;
        set => Definition = Definition with { Id = value ?? "" };
    }

    public string? Title
    {
        get => Definition.Title;
        set => Definition = Definition with { Title = value };
    }

    public string? Next
    {
        get => Definition.Next;
        set => Definition = Definition with { Next = value };
    }

    /// <summary>Where the step can lead, as its kind says (a branch: yes and no; most steps: then).</summary>
    public IReadOnlyList<StepExit> Exits => Info.Exits(Definition);

    public T As<T>() where T : StepDefinition => (T)Definition;

    /// <summary>Changes the kind's own fields: <c>step.Edit&lt;SendStepDefinition&gt;(s => s with { Template = key })</c>.</summary>
    public void Edit<T>(Func<T, T> change) where T : StepDefinition => Definition = change((T)Definition);

    public void PointExit(string exit, string? target) => Definition = Info.WithExit(Definition, exit, target);

    public static StepDesign From(StepDefinition step) => new(step);

    public StepDefinition ToDefinition() => Definition with
    {
        Id = Definition.Id.Trim(),
        Title = string.IsNullOrWhiteSpace(Definition.Title) ? null : Definition.Title.Trim(),
    };

    public static string UnitLabel(TimeUnit unit) => DeadlineOffset.UnitName(unit, 2);

    /// <summary>Ticks or unticks a value in a list the designer shows as tick boxes, keeping the order it was ticked in.</summary>
    public static List<string> Toggle(IEnumerable<string> list, string value, bool on)
    {
        var result = list.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (on) result.Add(value);
        return result;
    }
}
