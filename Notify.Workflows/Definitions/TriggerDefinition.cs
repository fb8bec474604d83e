namespace Notify.Workflows.Definitions;

/// <summary>What starts a flow: an event type, narrowed to record types and (for status changes) statuses.</summary>
public sealed record TriggerDefinition
{
    /// <summary><c>record.created</c>, <c>record.status_changed</c>, <c>record.assigned</c>, <c>record.changed</c>, <c>record.deadline</c>, or a custom type.</summary>
    public string Event { get; init; } = "";

    public IReadOnlyList<string> RecordTypes { get; init; } = [];

    public IReadOnlyList<string> FromStatuses { get; init; } = [];

    public IReadOnlyList<string> ToStatuses { get; init; } = [];

    /// <summary>For <c>record.deadline</c>: how long before or after the deadline the flow starts.</summary>
    public DeadlineOffset? Deadline { get; init; }

    /// <summary>
    /// For <c>record.changed</c>: the fields watched (<c>status</c>, <c>title</c>, <c>deadline</c>, <c>assignees</c>,
    /// <c>contacts</c>, <c>data.KEY</c>); a change to any of them starts the flow. None: any change.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }
}
