namespace Notify.Workflows.Conditions.Builder;

/// <summary>The fields a condition can test: those every record and event has, plus the data fields seen on stored ones.</summary>
public sealed class ConditionFields
{
    public static readonly IReadOnlyList<ConditionField> BuiltIn =
    [
        new("record.status", "Status", "Record", FieldType.Text, "record.Status", "record.Status == \"\"", "record.Status != \"\""),
        new("record.title", "Title", "Record", FieldType.Text, "record.Title", "record.Title == \"\"", "record.Title != \"\""),
        new("record.deadline", "Deadline", "Record", FieldType.Date, "record.Deadline", "!record.HasDeadline", "record.HasDeadline"),
        new("record.done", "Done (a done status)", "Record", FieldType.YesNo, "record.IsDone", null, null),
        new("record.assignees", "Assignees", "Record", FieldType.List, "record.Assignees", "record.Assignees.Count == 0", "record.Assignees.Count > 0"),
        new("previous.status", "Status before the change", "Before the change", FieldType.Text, "previous.Status", "previous.Status == \"\"", "previous.Status != \"\""),
        new("event.type", "Event type", "Event", FieldType.Text, "event.Type", null, null),
        new("event.fromStatus", "Changed from status", "Event", FieldType.Text, "event.FromStatus", "event.FromStatus == \"\"", "event.FromStatus != \"\""),
        new("event.toStatus", "Changed to status", "Event", FieldType.Text, "event.ToStatus", "event.ToStatus == \"\"", "event.ToStatus != \"\""),
        new("event.addedAssignees", "Newly assigned", "Event", FieldType.List, "event.AddedAssignees", "event.AddedAssignees.Count == 0", "event.AddedAssignees.Count > 0"),
        new("now", "Now", "Time", FieldType.Date, "now", null, null) { Only = [ConditionOperator.Before, ConditionOperator.OnOrAfter] },
    ];

    private readonly List<ConditionField> _all;
    private readonly Dictionary<string, ConditionField> _byId;
    private readonly Dictionary<string, ConditionField> _byAccessor;

    public ConditionFields(IEnumerable<ConditionField> data)
    {
        _all = [.. BuiltIn, .. data.Where(f => BuiltIn.All(b => b.Id != f.Id)).OrderBy(f => f.Group, StringComparer.Ordinal).ThenBy(f => f.Label, StringComparer.Ordinal)];
        _byId = _all.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byAccessor = _all.GroupBy(f => f.Accessor, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ConditionField> All => _all;

    /// <summary>Adds a data field met in an expression but not on stored records, so it can be picked and written; the known one wins.</summary>
    public ConditionField Include(ConditionField field)
    {
        if (_byId.TryGetValue(field.Id, out var known)) return known;
        _all.Add(field);
        _byId[field.Id] = field;
        _byAccessor.TryAdd(field.Accessor, field);
        return field;
    }

    public ConditionField? ById(string? id) => id is not null && _byId.TryGetValue(id, out var field) ? field : null;

    /// <summary>The field an expression reads: a known one, or a data field read as the type its reader names.</summary>
    public ConditionField? ByAccessor(string accessor)
    {
        if (_byAccessor.TryGetValue(accessor, out var known)) return known;
        foreach (var owner in new[] { "record", "event" })
        {
            foreach (var (reader, type) in Readers)
            {
                var prefix = $"{owner}.{reader}(";
                if (accessor.StartsWith(prefix, StringComparison.Ordinal) && accessor.EndsWith(')') && accessor.Length > prefix.Length + 2)
                {
                    var key = ConditionText.Unquote(accessor[prefix.Length..^1]);
                    var field = ConditionField.Data(owner, key, type);
                    return field.Accessor == accessor ? field : null;
                }
            }
        }

        return null;
    }

    /// <summary>The data field whose presence <c>record.Has("key")</c> tests, as the catalog knows it (text when unknown).</summary>
    public ConditionField? ByPresence(string presence)
    {
        var known = All.FirstOrDefault(f => f.NotEmpty == presence);
        if (known is not null) return known;
        var text = ByAccessor(presence.Replace(".Has(", ".Text(", StringComparison.Ordinal));
        return text is not null && text.NotEmpty == presence ? text : null;
    }

    private static readonly (string Reader, FieldType Type)[] Readers =
        [("Number", FieldType.Number), ("Date", FieldType.Date), ("Flag", FieldType.YesNo), ("Text", FieldType.Text)];
}
