namespace Notify.Workflows.Conditions.Builder;

/// <summary>
/// Something a condition row can test: its id (<c>record.status</c>, <c>record.data.amount</c>), the words an admin
/// sees, the group it is offered under, its type, and how the expression reads it and tells whether it is empty.
/// </summary>
public sealed record ConditionField(string Id, string Label, string Group, FieldType Type, string Accessor, string? Empty, string? NotEmpty)
{
    /// <summary>The comparisons that make sense for this field, when fewer than its type offers ("now" is only before or after a day).</summary>
    public IReadOnlyList<ConditionOperator>? Only { get; init; }

    /// <summary>The comparisons this field offers.</summary>
    public IReadOnlyList<ConditionOperator> Operators => Only ?? ConditionOperators.For(Type, NotEmpty is not null);

    /// <summary>A field of a record's or an event's free data, read as its type (<c>record.Number("amount")</c>).</summary>
    public static ConditionField Data(string owner, string key, FieldType type)
    {
        var reader = type switch
        {
            FieldType.Number => "Number",
            FieldType.Date => "Date",
            FieldType.YesNo => "Flag",
            _ => "Text",
        };
        var name = ConditionText.Quote(key);
        var has = $"{owner}.Has({name})";
        return new ConditionField($"{owner}.data.{key}", key.Replace('_', ' '), owner == "event" ? "Event data" : "Record data", type,
            $"{owner}.{reader}({name})", "!" + has, has);
    }

    /// <summary>The field's value must be there before a comparison means anything (a missing date is never "before").</summary>
    public string? Guard => NotEmpty is not null && Type is FieldType.Date or FieldType.Number ? NotEmpty : null;
}
