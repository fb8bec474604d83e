namespace Notify.Workflows.Definitions;

/// <summary>What an admin draws: one trigger, then steps. Stored as JSON, versioned on publish.</summary>
public sealed record FlowDefinition
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>
    /// Messages everyone must get (a pick-up notice, a safety alert): people cannot turn this flow off in their inbox.
    /// By default a flow can be turned off.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Required { get; init; }

    public TriggerDefinition Trigger { get; init; } = new();

    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    /// <summary>Where the designer draws each node (keyed by step id, or <see cref="FlowGraph.Trigger"/>); none: laid out automatically.</summary>
    public IReadOnlyDictionary<string, NodePosition>? Layout { get; init; }

    /// <summary>Where the run goes after the step at <paramref name="index"/> when the step itself names no jump: null ends the run.</summary>
    public string? NextOf(int index)
    {
        var step = Steps[index];
        if (step.Next == StepDefinition.End) return null;
        return step.Next ?? (index + 1 < Steps.Count ? Steps[index + 1].Id : null);
    }
}
