namespace Notify.Workflows.Conditions;

/// <summary>The event as conditions see it: <c>event.Type</c>, <c>event.ToStatus</c>, <c>event.Data["x"]</c>.</summary>
public sealed class ConditionEvent
{
    public string Type { get; init; } = "";

    public string FromStatus { get; init; } = "";

    public string ToStatus { get; init; } = "";

    public List<string> AddedAssignees { get; init; } = [];

    public Dictionary<string, object> Data { get; init; } = [];
}
