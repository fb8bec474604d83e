namespace Notify.Workflows.Definitions;

/// <summary>What an admin draws: one trigger, then steps. Stored as JSON, versioned on publish.</summary>
public sealed record FlowDefinition
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public TriggerDefinition Trigger { get; init; } = new();

    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];
}
