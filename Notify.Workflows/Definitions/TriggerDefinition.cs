namespace Notify.Workflows.Definitions;

/// <summary>What starts a flow: an event type, narrowed to record types and (for status changes) statuses.</summary>
public sealed record TriggerDefinition
{
    /// <summary><c>record.created</c>, <c>record.status_changed</c>, <c>record.assigned</c>, <c>record.deadline</c>, or a custom type.</summary>
    public string Event { get; init; } = "";

    public IReadOnlyList<string> RecordTypes { get; init; } = [];

    public IReadOnlyList<string> FromStatuses { get; init; } = [];

    public IReadOnlyList<string> ToStatuses { get; init; } = [];

    /// <summary>For <c>record.deadline</c>: how long before or after the deadline the flow starts.</summary>
    public DeadlineOffset? Deadline { get; init; }
}
