namespace Notify.Workflows.Conditions;

/// <summary>A record as conditions see it: <c>record.Status</c>, <c>record.Deadline</c>, <c>record.Data["amount"]</c>.</summary>
public sealed class ConditionRecord
{
    public string Type { get; init; } = "";

    public string Key { get; init; } = "";

    public string Status { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>UTC; <see cref="DateTime.MinValue"/> when the record has none.</summary>
    public DateTime Deadline { get; init; }

    public bool HasDeadline { get; init; }

    public bool IsDone { get; init; }

    public List<string> Assignees { get; init; } = [];

    public Dictionary<string, string> Contacts { get; init; } = [];

    public Dictionary<string, object> Data { get; init; } = [];
}
