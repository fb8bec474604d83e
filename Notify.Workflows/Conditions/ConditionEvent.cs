namespace Notify.Workflows.Conditions;

/// <summary>The event as conditions see it: <c>event.Type</c>, <c>event.ToStatus</c>, <c>event.Data["x"]</c>.</summary>
[System.Linq.Dynamic.Core.CustomTypeProviders.DynamicLinqType]
public sealed class ConditionEvent
{
    public string Type { get; init; } = "";

    public string FromStatus { get; init; } = "";

    public string ToStatus { get; init; } = "";

    public List<string> AddedAssignees { get; init; } = [];

    public Dictionary<string, object> Data { get; init; } = [];

    public bool Has(string field) => ConditionData.Has(Data, field);

    public decimal Number(string field) => ConditionData.Number(Data, field);

    public string Text(string field) => ConditionData.Text(Data, field);

    public DateTime Date(string field) => ConditionData.Date(Data, field);

    public bool Flag(string field) => ConditionData.Flag(Data, field);
}
