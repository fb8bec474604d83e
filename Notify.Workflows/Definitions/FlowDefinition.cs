namespace Notify.Workflows.Definitions;

/// <summary>What an admin draws: a trigger (or several), then steps. Stored as JSON, versioned on publish.</summary>
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

    /// <summary>Urgent: its messages go at any hour, even inside people's quiet hours.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool IgnoreQuietHours { get; init; }

    /// <summary>Holds back this flow's messages to a person who has had enough of them lately; null: no limit.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ThrottleDefinition? Throttle { get; init; }

    /// <summary>What starts the flow; with several triggers, the first of <see cref="Triggers"/>.</summary>
    public TriggerDefinition Trigger { get; init; } = new();

    /// <summary>
    /// Several triggers ("created, or the booking changed"): any of them starts the flow, one run per event. Given in
    /// JSON, it wins over <c>trigger</c>; left out (or one only): the flow has just <see cref="Trigger"/>.
    /// </summary>
    public IReadOnlyList<TriggerDefinition>? Triggers { get; init; }

    /// <summary>Every trigger of the flow, at least one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<TriggerDefinition> AllTriggers => Triggers is { Count: > 0 } all ? all : [Trigger];

    /// <summary>The trigger that makes deadline reminders (a flow has at most one), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TriggerDefinition? DeadlineTrigger =>
        AllTriggers.FirstOrDefault(t => t?.Event == Notify.Domain.Records.EventTypes.Deadline && t.Deadline is not null);

    /// <summary>The one stored shape: <see cref="Trigger"/> is the first trigger, and <see cref="Triggers"/> is kept only when there are several.</summary>
    public FlowDefinition Normalized() => Triggers switch
    {
        { Count: 1 } one => this with { Trigger = one[0], Triggers = null },
        { Count: > 1 } several => this with { Trigger = several[0] },
        { Count: 0 } => this with { Triggers = null },
        _ => this,
    };

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
